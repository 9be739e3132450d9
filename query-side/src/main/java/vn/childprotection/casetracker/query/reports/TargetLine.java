package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One of the plan's targets (<i>mục tiêu kế hoạch</i>, domain.md section 1) against what was achieved.
 *
 * @param source   {@code CASES} when computed from the case records, {@code ENTERED} when from the figures the
 *                 communes entered
 * @param achieved what was achieved: children, or communes
 * @param base     what it is measured against: children detected, communes in scope, or last year's count
 * @param percent  achieved as a percentage of base, one decimal; null when base is zero or unknown
 * @param met      whether the target is met; null when it cannot be told (nothing to measure against)
 */
@Schema(name = "TargetLine")
public record TargetLine(String code, String nameVi, String nameEn, String source, Long achieved, Long base,
                         Double percent, String targetVi, String targetEn, Boolean met) {

    static TargetLine share(String code, String nameVi, String nameEn, String source, Long achieved, Long base) {
        Double percent = achieved == null || base == null || base == 0 ? null
                : Math.round(achieved * 1000.0 / base) / 10.0;
        Boolean met = achieved == null || base == null || base == 0 ? null : achieved.equals(base);
        return new TargetLine(code, nameVi, nameEn, source, achieved, base, percent, "100%", "100%", met);
    }
}
