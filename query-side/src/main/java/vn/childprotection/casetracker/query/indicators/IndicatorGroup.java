package vn.childprotection.casetracker.query.indicators;

/**
 * A group of indicators (<i>nhóm chỉ tiêu</i>): one sheet of a report.
 */
public record IndicatorGroup(String code, String nameVi, String nameEn) {
}
