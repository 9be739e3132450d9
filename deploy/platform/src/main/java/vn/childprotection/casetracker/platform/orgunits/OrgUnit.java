package vn.childprotection.casetracker.platform.orgunits;

import java.time.LocalDate;

/**
 * An org unit: province, district, commune (<i>xã, thị trấn</i>) or agency that can be assigned interventions.
 *
 * @param code          stable code used in events and the API
 * @param parentCode    the unit above it, or null for the top
 * @param validFrom     first day it existed
 * @param validTo       last day it existed, or null while it exists
 * @param successorCode the unit that took over when it ceased, when known
 */
public record OrgUnit(String code, OrgUnitType type, String nameVi, String nameEn, String parentCode,
                      LocalDate validFrom, LocalDate validTo, String successorCode) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
