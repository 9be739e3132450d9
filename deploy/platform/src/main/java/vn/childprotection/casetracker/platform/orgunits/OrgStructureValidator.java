package vn.childprotection.casetracker.platform.orgunits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * The rules a list of org units and reporting groups must meet before it is used or recorded. Each problem names
 * the entry by its place in the list ({@code orgUnits[3].parentCode}) and the unit by its code, and says what is
 * wrong; nothing stops at the first problem.
 * <ul>
 *   <li>Every unit has a code (ASCII letters and digits, single hyphens between them, at most 64; the project
 *       uses lower-case slugs such as {@code 31-xa-an-lao}), a type, a Vietnamese and an English name (at most
 *       200 characters each; a basis at most 1,000) and a first day; a statistics code, when given, is 2 to 5
 *       digits.</li>
 *   <li>Codes are unique over units and reporting groups together.</li>
 *   <li>{@code validFrom <= validTo}.</li>
 *   <li>The parent exists and exists over the unit's whole validity: a unit whose parent ends must end too.</li>
 *   <li>Successors exist, only an ended unit names successors, and each successor exists on the day after the
 *       unit's last day (Nghị quyết 1669/NQ-UBTVQH15 Điều 2 khoản 2: the new units operate from the day the old
 *       ones cease).</li>
 *   <li>No two units with the same statistics code exist on the same day: the statistics office reuses codes after
 *       a reform (11629 was Thị trấn An Lão to 30/6/2025, is Xã An Lão from 1/7/2025), never at the same time.</li>
 *   <li>A reporting group has a code, both names (at most 200 characters each), a basis of at most 1,000 and
 *   members, each an existing unit; a successor's basis is at most 1,000 characters.</li>
 * </ul>
 */
public final class OrgStructureValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final Pattern STATISTICS_CODE = Pattern.compile("[0-9]{2,5}");
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_BASIS = 1000;

    private OrgStructureValidator() {
    }

    /**
     * @param units  the units in list order (null entries are reported)
     * @param groups the reporting groups, or null for none
     * @return every problem found, empty when the list may be used
     */
    public static List<FieldProblem> problems(List<OrgUnit> units, List<ReportingGroup> groups) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, OrgUnit> byCode = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            OrgUnit unit = units.get(i);
            String at = "orgUnits[" + i + "]";
            if (unit == null) {
                problems.add(new FieldProblem(at, "must be an org unit, not null"));
                continue;
            }
            shape(unit, at, problems);
            if (unit.code() != null && byCode.putIfAbsent(unit.code(), unit) != null) {
                problems.add(new FieldProblem(at + ".code", unit.code() + ": the code is used by another unit"));
            }
        }
        for (int i = 0; i < units.size(); i++) {
            OrgUnit unit = units.get(i);
            if (unit != null && unit.code() != null && unit.validFrom() != null) {
                links(unit, "orgUnits[" + i + "]", byCode, problems);
            }
        }
        statisticsCodes(units, problems);
        List<ReportingGroup> all = groups == null ? List.of() : groups;
        Set<String> groupCodes = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            group(all.get(i), "reportingGroups[" + i + "]", byCode, groupCodes, problems);
        }
        return problems;
    }

    private static void shape(OrgUnit unit, String at, List<FieldProblem> problems) {
        String name = unit.code() == null ? "unit" : unit.code();
        if (unit.code() == null || unit.code().length() > MAX_CODE || !CODE.matcher(unit.code()).matches()) {
            problems.add(new FieldProblem(at + ".code", name + ": a code is required: letters, digits "
                    + "and single hyphens, at most " + MAX_CODE + " characters"));
        }
        if (unit.type() == null) {
            problems.add(new FieldProblem(at + ".type", name + ": a type is required"));
        }
        if (unit.nameVi() == null || unit.nameVi().isBlank()) {
            problems.add(new FieldProblem(at + ".nameVi", name + ": a Vietnamese name is required"));
        }
        if (unit.nameEn() == null || unit.nameEn().isBlank()) {
            problems.add(new FieldProblem(at + ".nameEn", name + ": an English name is required"));
        }
        longText(unit.nameVi(), at + ".nameVi", name, MAX_NAME, problems);
        longText(unit.nameEn(), at + ".nameEn", name, MAX_NAME, problems);
        longText(unit.basis(), at + ".basis", name, MAX_BASIS, problems);
        if (unit.statisticsCode() != null && !STATISTICS_CODE.matcher(unit.statisticsCode()).matches()) {
            problems.add(new FieldProblem(at + ".statisticsCode", name + ": a statistics code is 2 to 5 digits"));
        }
        if (unit.validFrom() == null) {
            problems.add(new FieldProblem(at + ".validFrom", name + ": the first day (validFrom) is required"));
        } else if (unit.validTo() != null && unit.validTo().isBefore(unit.validFrom())) {
            problems.add(new FieldProblem(at + ".validTo", name + ": its last day " + unit.validTo()
                    + " is before its first day " + unit.validFrom()));
        }
        for (int s = 0; s < unit.successors().size(); s++) {
            OrgUnit.Successor successor = unit.successors().get(s);
            if (successor == null || successor.code() == null || successor.how() == null) {
                problems.add(new FieldProblem(at + ".successors[" + s + "]", name + ": a successor needs a code "
                        + "and how (WHOLE or PART)"));
            } else {
                longText(successor.basis(), at + ".successors[" + s + "].basis", name, MAX_BASIS, problems);
            }
        }
    }

    private static void links(OrgUnit unit, String at, Map<String, OrgUnit> byCode, List<FieldProblem> problems) {
        if (unit.parentCode() != null) {
            OrgUnit parent = byCode.get(unit.parentCode());
            if (parent == null || parent == unit) {
                problems.add(new FieldProblem(at + ".parentCode", unit.code() + ": its parent " + unit.parentCode()
                        + " is not a unit of the list"));
            } else if (parent.validFrom() != null && !covers(parent, unit)) {
                problems.add(new FieldProblem(at + ".parentCode", unit.code() + ": its parent " + parent.code()
                        + " exists " + span(parent) + ", not over the whole of this unit's " + span(unit)
                        + "; a unit whose parent ends must end too"));
            }
        }
        if (!unit.successors().isEmpty() && unit.validTo() == null) {
            problems.add(new FieldProblem(at + ".successors", unit.code() + ": names successors but has not "
                    + "ended; give its last day (validTo)"));
        }
        for (int s = 0; s < unit.successors().size(); s++) {
            OrgUnit.Successor successor = unit.successors().get(s);
            if (successor == null || successor.code() == null) {
                continue;
            }
            OrgUnit next = byCode.get(successor.code());
            String field = at + ".successors[" + s + "].code";
            if (next == null || next == unit) {
                problems.add(new FieldProblem(field, unit.code() + ": its successor " + successor.code()
                        + " is not another unit of the list"));
            } else if (unit.validTo() != null && next.validFrom() != null
                    && !next.validOn(unit.validTo().plusDays(1))) {
                problems.add(new FieldProblem(field, unit.code() + ": its successor " + next.code() + " does not "
                        + "exist on " + unit.validTo().plusDays(1) + ", the day after this unit's last day (it "
                        + "exists " + span(next) + ")"));
            }
        }
    }

    private static void statisticsCodes(List<OrgUnit> units, List<FieldProblem> problems) {
        Map<String, List<Integer>> byStatisticsCode = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            OrgUnit unit = units.get(i);
            if (unit == null || unit.statisticsCode() == null || unit.validFrom() == null
                    || (unit.validTo() != null && unit.validTo().isBefore(unit.validFrom()))) {
                continue;
            }
            List<Integer> earlier = byStatisticsCode.computeIfAbsent(unit.statisticsCode(), c -> new ArrayList<>());
            for (int j : earlier) {
                OrgUnit other = units.get(j);
                if (overlap(unit, other)) {
                    problems.add(new FieldProblem("orgUnits[" + i + "].statisticsCode", unit.code()
                            + ": statistics code " + unit.statisticsCode() + " is also that of " + other.code()
                            + " (orgUnits[" + j + "]) on days both exist (" + span(unit) + " and " + span(other)
                            + ")"));
                }
            }
            earlier.add(i);
        }
    }

    private static void group(ReportingGroup group, String at, Map<String, OrgUnit> byCode, Set<String> groupCodes,
                              List<FieldProblem> problems) {
        if (group == null) {
            problems.add(new FieldProblem(at, "must be a reporting group, not null"));
            return;
        }
        String name = group.code() == null ? "group" : group.code();
        if (group.code() == null || group.code().length() > MAX_CODE || !CODE.matcher(group.code()).matches()) {
            problems.add(new FieldProblem(at + ".code", name + ": a code is required: letters, digits "
                    + "and single hyphens, at most " + MAX_CODE + " characters"));
        } else if (byCode.containsKey(group.code()) || !groupCodes.add(group.code())) {
            problems.add(new FieldProblem(at + ".code", name + ": the code is used by a unit or another group"));
        }
        if (group.nameVi() == null || group.nameVi().isBlank()) {
            problems.add(new FieldProblem(at + ".nameVi", name + ": a Vietnamese name is required"));
        }
        if (group.nameEn() == null || group.nameEn().isBlank()) {
            problems.add(new FieldProblem(at + ".nameEn", name + ": an English name is required"));
        }
        longText(group.nameVi(), at + ".nameVi", name, MAX_NAME, problems);
        longText(group.nameEn(), at + ".nameEn", name, MAX_NAME, problems);
        longText(group.basis(), at + ".basis", name, MAX_BASIS, problems);
        if (group.members().isEmpty()) {
            problems.add(new FieldProblem(at + ".members", name + ": a reporting group needs members"));
        }
        for (int m = 0; m < group.members().size(); m++) {
            String member = group.members().get(m);
            if (member == null || !byCode.containsKey(member)) {
                problems.add(new FieldProblem(at + ".members[" + m + "]", name + ": member " + member
                        + " is not a unit of the list"));
            }
        }
    }

    private static void longText(String text, String field, String name, int max, List<FieldProblem> problems) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            problems.add(new FieldProblem(field, name + ": at most " + max + " characters"));
        }
    }

    private static boolean covers(OrgUnit parent, OrgUnit unit) {
        boolean startsInTime = !unit.validFrom().isBefore(parent.validFrom());
        boolean endsInTime = parent.validTo() == null
                || (unit.validTo() != null && !unit.validTo().isAfter(parent.validTo()));
        return startsInTime && endsInTime;
    }

    private static boolean overlap(OrgUnit a, OrgUnit b) {
        return !end(a).isBefore(b.validFrom()) && !end(b).isBefore(a.validFrom());
    }

    private static LocalDate end(OrgUnit unit) {
        return unit.validTo() == null ? LocalDate.MAX : unit.validTo();
    }

    private static String span(OrgUnit unit) {
        return "from " + unit.validFrom() + (unit.validTo() == null ? " on" : " to " + unit.validTo());
    }
}
