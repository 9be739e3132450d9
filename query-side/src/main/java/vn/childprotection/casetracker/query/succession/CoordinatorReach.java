package vn.childprotection.casetracker.query.succession;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import vn.childprotection.casetracker.platform.orgunits.OrgStructure;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * The area a coordinator (<i>điều phối</i>) works for: the first unit at or above the coordinator's org unit that is
 * an area (commune, district or province), so the Sở Y tế (under Thành phố Hải Phòng, 31) reaches the whole city,
 * a commune's Phòng Văn hóa - Xã hội (under its commune) reaches that commune, the old district's labour office
 * (under 313) reaches the old district. A unit is within reach when it is the area or lies under it.
 */
final class CoordinatorReach {

    private final OrgStructure structure;
    private final String area;

    private CoordinatorReach(OrgStructure structure, String area) {
        this.structure = structure;
        this.area = area;
    }

    /**
     * @param orgUnitCode the coordinator's org unit; an unknown one (or one with no area above it) reaches nothing
     */
    static CoordinatorReach of(OrgStructure structure, String orgUnitCode) {
        Optional<OrgUnit> at = structure.find(orgUnitCode);
        Set<String> seen = new HashSet<>();
        while (at.isPresent() && seen.add(at.get().code())) {
            if (at.get().type() != OrgUnitType.AGENCY) {
                return new CoordinatorReach(structure, at.get().code());
            }
            at = structure.find(at.get().parentCode());
        }
        return new CoordinatorReach(structure, null);
    }

    /** The area's code, or null when the coordinator's org unit has none. */
    String area() {
        return area;
    }

    /** Whether the unit of this code is the area or lies under it. */
    boolean covers(String unitCode) {
        if (area == null) {
            return false;
        }
        Optional<OrgUnit> at = structure.find(unitCode);
        Set<String> seen = new HashSet<>();
        while (at.isPresent() && seen.add(at.get().code())) {
            if (at.get().code().equals(area)) {
                return true;
            }
            at = structure.find(at.get().parentCode());
        }
        return false;
    }
}
