package vn.childprotection.casetracker.query.indicators;

/**
 * Whether an indicator counts children (<i>trẻ em</i>, each child once however many cases name it) or cases
 * (<i>vụ việc</i>).
 */
public enum CountingUnit {
    CHILDREN,
    CASES
}
