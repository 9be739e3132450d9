package vn.childprotection.casetracker.platform.orgunits;

import java.time.LocalDate;
import java.util.List;

/**
 * A step, report or assignment names an org unit on a day the unit did not exist: answered 409
 * {@code org-unit-not-valid}, naming the units that existed instead (successors when it had ended, predecessors
 * when it had not begun), so the client can ask again with the right one.
 */
public class OrgUnitNotValid extends RuntimeException {

    /** The problem's stable rule code. */
    public static final String RULE = "org-unit-not-valid";

    private final String field;
    private final OrgUnit unit;
    private final LocalDate day;
    private final List<OrgUnit> instead;

    /**
     * @param field   the request field that named the unit
     * @param unit    the unit named
     * @param day     the Vietnam day of the step
     * @param instead successors (the unit had ended by {@code day}) or predecessors (it had not begun yet)
     */
    public OrgUnitNotValid(String field, OrgUnit unit, LocalDate day, List<OrgUnit> instead) {
        super(detail(field, unit, day, instead));
        this.field = field;
        this.unit = unit;
        this.day = day;
        this.instead = List.copyOf(instead);
    }

    private static String detail(String field, OrgUnit unit, LocalDate day, List<OrgUnit> instead) {
        String existed = unit.code() + " (" + unit.nameVi() + ") did not exist on " + day + ": it existed from "
                + unit.validFrom() + (unit.validTo() == null ? " on" : " to " + unit.validTo()) + ".";
        String names = String.join(", ", instead.stream().map(u -> u.code() + " (" + u.nameVi() + ")").toList());
        if (instead.isEmpty()) {
            return field + ": " + existed + " Use a unit that existed on that day (GET /api/v1/org-units?validOn="
                    + day + ").";
        }
        return field + ": " + existed + (unit.endedBefore(day)
                ? " Use its successor" + (instead.size() > 1 ? "s (choose one): " : ": ")
                : " Use its predecessor" + (instead.size() > 1 ? "s (choose one): " : ": ")) + names + ".";
    }

    public String field() {
        return field;
    }

    public OrgUnit unit() {
        return unit;
    }

    public LocalDate day() {
        return day;
    }

    /** Whether the unit had ended by the day (true) or had not begun yet (false). */
    public boolean ended() {
        return unit.endedBefore(day);
    }

    /** The units to name instead: successors when {@link #ended()}, predecessors otherwise. */
    public List<OrgUnit> instead() {
        return instead;
    }
}
