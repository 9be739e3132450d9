package vn.childprotection.casetracker.query.indicators;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * Which communes' cases an org unit's figures for a period add up (<i>tổng hợp theo đơn vị hành chính</i>).
 * <p>
 * Units, parents and mergers are data with dates (domain.md section 0). A commune counts for a unit when the unit is
 * the commune or above it in the hierarchy, either as the commune was, or as the unit that had taken it over by the
 * end of the period (following successor links of units that had ceased by then). A successor also counts the cases
 * of every unit it took over in every period, so figures stay comparable across a merger: a merged commune's
 * "last year" includes what its predecessors recorded.
 */
@Component
public class ReportingUnits {

    private final OrgUnitRegistry orgUnits;

    public ReportingUnits(OrgUnitRegistry orgUnits) {
        this.orgUnits = orgUnits;
    }

    /** The codes of the communes whose cases count for {@code unitCode} in {@code period}. */
    public Set<String> communesOf(String unitCode, ReportingPeriod period) {
        Set<String> communes = new LinkedHashSet<>();
        for (OrgUnit commune : orgUnits.all()) {
            if (commune.type() == OrgUnitType.COMMUNE && countsFor(commune, unitCode, period)) {
                communes.add(commune.code());
            }
        }
        return communes;
    }

    private boolean countsFor(OrgUnit commune, String unitCode, ReportingPeriod period) {
        if (selfOrAbove(commune, unitCode)) {
            return true;
        }
        OrgUnit current = commune;
        Set<String> seen = new LinkedHashSet<>();
        while (current.successors().size() == 1 && seen.add(current.code())) {
            Optional<OrgUnit> successor = orgUnits.find(current.successors().get(0).code());
            if (successor.isEmpty()) {
                return false;
            }
            boolean ceasedBeforeEnd = current.validTo() != null && current.validTo().isBefore(period.to());
            current = successor.get();
            if (current.code().equals(unitCode) || ceasedBeforeEnd && selfOrAbove(current, unitCode)) {
                return true;
            }
        }
        return false;
    }

    private boolean selfOrAbove(OrgUnit unit, String unitCode) {
        Optional<OrgUnit> at = Optional.of(unit);
        Set<String> seen = new LinkedHashSet<>();
        while (at.isPresent() && seen.add(at.get().code())) {
            if (at.get().code().equals(unitCode)) {
                return true;
            }
            at = orgUnits.find(at.get().parentCode());
        }
        return false;
    }
}
