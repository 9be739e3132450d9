package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One of the plan's targets (<i>mục tiêu kế hoạch</i>, domain.md section 1) against what was achieved.
 *
 * @param source          {@code CASES} when computed from the case records, {@code ENTERED} when from the figures
 *                        the communes entered
 * @param achieved        what was achieved: children, or communes
 * @param base            what it is measured against: children detected, communes in scope, or last year's count
 * @param percent         achieved as a percentage of base, one decimal; null when base is zero or unknown
 * @param met             whether the target is met; null when it cannot be told (nothing to measure against)
 * @param communesCounted for an {@code ENTERED} line, the communes in scope whose figures it sums; null for a
 *                        {@code CASES} line
 * @param communesLeftOut for an {@code ENTERED} line, the communes in scope it leaves out: for a share of children,
 *                        those that entered no pair or only one half of it (recorded before pairs had to be entered
 *                        whole), since a numerator from one commune must not meet a denominator from another; null
 *                        for a {@code CASES} line
 */
@Schema(name = "TargetLine")
public record TargetLine(String code, String nameVi, String nameEn, String source, Long achieved, Long base,
                         Double percent, String targetVi, String targetEn, Boolean met,
                         @Schema(description = "ENTERED lines: communes whose figures are summed (số xã được tính); "
                                 + "null for CASES lines", nullable = true) Integer communesCounted,
                         @Schema(description = "ENTERED lines: communes in scope left out, having entered no pair or "
                                 + "only one half of it (số xã không được tính); null for CASES lines",
                                 nullable = true) Integer communesLeftOut) {

    /**
     * A share of 100 % computed from the case records.
     */
    static TargetLine share(String code, String nameVi, String nameEn, String source, Long achieved, Long base) {
        return share(code, nameVi, nameEn, source, achieved, base, null, null);
    }

    /**
     * A share of 100 % computed from what the communes entered, saying how many communes it counts and leaves out.
     */
    static TargetLine share(String code, String nameVi, String nameEn, String source, Long achieved, Long base,
                            Integer communesCounted, Integer communesLeftOut) {
        Double percent = achieved == null || base == null || base == 0 ? null
                : Math.round(achieved * 1000.0 / base) / 10.0;
        Boolean met = achieved == null || base == null || base == 0 ? null : achieved.equals(base);
        return new TargetLine(code, nameVi, nameEn, source, achieved, base, percent, "100%", "100%", met,
                communesCounted, communesLeftOut);
    }
}
