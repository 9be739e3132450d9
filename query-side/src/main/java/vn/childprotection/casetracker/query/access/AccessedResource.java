package vn.childprotection.casetracker.query.access;

/**
 * What of a case a logged access touched.
 */
public enum AccessedResource {
    /** The case file with personal fields opened: in full or as an agency's limited view. */
    CASE_FILE,
    /** The case's history (<i>lịch sử vụ việc</i>). */
    CASE_HISTORY,
    /** A disclosure package (case file and history) for a competent authority. */
    DISCLOSURE,
    /** A break-the-glass grant was issued (<i>truy cập khẩn cấp</i>). */
    BREAK_THE_GLASS
}
