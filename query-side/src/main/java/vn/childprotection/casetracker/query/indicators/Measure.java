package vn.childprotection.casetracker.query.indicators;

/**
 * What an indicator counts of a case, for a period (see {@code indicators/definitions.json}). Each measure looks at
 * what had happened by the end of the period, as recorded by the as-of instant.
 */
public enum Measure {
    /** Reported (<i>tiếp nhận</i>) in the period. */
    REPORTED,
    /** Reported in the period and initially assessed (<i>đánh giá nguy cơ ban đầu</i>) by its end: followed. */
    FOLLOWED,
    /** Emergency measures taken or a support plan approved in the period (<i>được hỗ trợ, can thiệp</i>). */
    SUPPORTED,
    /** Reported in the period and helped within the procedure's time limits by its end (<i>kịp thời</i>). */
    HELPED_IN_TIME,
    /** Reported by the end of the period and not closed then (<i>đang theo dõi</i>). */
    OPEN_AT_END,
    /** Closed (<i>kết thúc</i>) in the period. */
    CLOSED_IN_PERIOD
}
