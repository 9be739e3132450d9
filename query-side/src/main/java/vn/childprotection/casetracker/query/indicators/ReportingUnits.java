package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.orgunits.OrgStructure;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.orgunits.ReportingGroup;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * Which communes' facts an area's figures add up (<i>tổng hợp theo đơn vị hành chính</i>), in the org structure
 * known at the as-of instant ({@link OrgUnitRegistry#asOf(Instant)}).
 * <p>
 * A fact counts in the commune that ran the case when it happened (see {@code indicator_commune}), and a unit adds
 * up every commune at or under it, whenever that commune existed: so a period before 1/7/2025 reports by the old
 * units (district 313 and its communes), one after it by the new ones (the five communes and Phường Phù Liễn directly
 * under Thành phố Hải Phòng, Nghị quyết 1669/NQ-UBTVQH15), and a period spanning it counts each case once, where it
 * was, everything rolling up to 31. A successor does not count its predecessors' facts unless asked
 * ({@code includePredecessors}, for trends): then every commune that ceased into it (following only successions
 * that took people) is added, a split one flagged since it is added to each of its successors. A reporting group
 * adds up its members the same way, in every period.
 */
@Component
public class ReportingUnits {

    private final OrgUnitRegistry orgUnits;

    public ReportingUnits(OrgUnitRegistry orgUnits) {
        this.orgUnits = orgUnits;
    }

    /**
     * The scope of an area asked for, checked: 400 naming {@code field} unless the code is a commune, district or
     * province, or a reporting group, in the structure known at {@code asOf}.
     *
     * @param asOf the instant whose structure to use; the current one when null
     */
    public ReportingScope require(String field, String code, Instant asOf, boolean includePredecessors) {
        OrgStructure structure = orgUnits.asOf(asOf);
        if (code != null && structure.group(code).isPresent()) {
            return scope(structure, code, includePredecessors);
        }
        if (structure.find(code).isEmpty()) {
            throw new BadRequestException(field, "is not a known org unit or reporting group code");
        }
        structure.requireArea(field, code);
        return scope(structure, code, includePredecessors);
    }

    /**
     * The scope of an area already checked ({@link #require}).
     */
    public ReportingScope scope(String code, Instant asOf, boolean includePredecessors) {
        return scope(orgUnits.asOf(asOf), code, includePredecessors);
    }

    static ReportingScope scope(OrgStructure structure, String code, boolean includePredecessors) {
        Optional<ReportingGroup> group = structure.group(code);
        List<String> tops = group.map(ReportingGroup::members).orElse(List.of(code));
        Set<String> communes = new LinkedHashSet<>();
        for (OrgUnit unit : structure.all()) {
            if (unit.type() == OrgUnitType.COMMUNE && tops.stream().anyMatch(top -> atOrUnder(structure, unit, top))) {
                communes.add(unit.code());
            }
        }
        List<String> split = new ArrayList<>();
        if (includePredecessors) {
            Deque<OrgUnit> toVisit = new ArrayDeque<>();
            communes.forEach(c -> structure.find(c).ifPresent(toVisit::add));
            while (!toVisit.isEmpty()) {
                OrgUnit successor = toVisit.pop();
                for (OrgUnit predecessor : structure.predecessorsOf(successor)) {
                    boolean tookPeople = predecessor.successors().stream()
                            .anyMatch(s -> s.code().equals(successor.code()) && s.takesPeople());
                    if (tookPeople && predecessor.type() == OrgUnitType.COMMUNE
                            && communes.add(predecessor.code())) {
                        toVisit.add(predecessor);
                        if (predecessor.wholeSuccessor().isEmpty()) {
                            split.add(predecessor.code());
                        }
                    }
                }
            }
        }
        if (group.isPresent()) {
            return new ReportingScope(code, group.get().nameVi(), group.get().nameEn(), true, communes,
                    includePredecessors, split);
        }
        OrgUnit unit = structure.find(code).orElseThrow();
        return new ReportingScope(code, unit.nameVi(), unit.nameEn(), false, communes, includePredecessors, split);
    }

    private static boolean atOrUnder(OrgStructure structure, OrgUnit unit, String top) {
        Optional<OrgUnit> at = Optional.of(unit);
        Set<String> seen = new HashSet<>();
        while (at.isPresent() && seen.add(at.get().code())) {
            if (at.get().code().equals(top)) {
                return true;
            }
            at = structure.find(at.get().parentCode());
        }
        return false;
    }
}
