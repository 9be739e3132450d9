package vn.childprotection.casetracker.query.indicators;

/**
 * For {@link IndicatorCalculator}, the Java oracle of the SQL counts: a case that counts for a measure in a period,
 * with the plain fields of its report ({@code facts}; its steps are not needed any more) and the commune it counts
 * in: the one that ran it when the counted fact happened.
 */
record CountedCase(CaseFacts facts, String commune) {
}
