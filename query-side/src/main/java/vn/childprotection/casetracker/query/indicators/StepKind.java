package vn.childprotection.casetracker.query.indicators;

/**
 * The steps of a case that indicators count, as kept in {@code indicator_step}.
 */
enum StepKind {
    /** <i>Đánh giá nguy cơ ban đầu</i>: the child is being followed. */
    INITIAL_ASSESSMENT,
    /** <i>Can thiệp khẩn cấp</i>: help given. */
    EMERGENCY_MEASURES,
    /** <i>Phê duyệt kế hoạch hỗ trợ, can thiệp</i>: help given. */
    PLAN_APPROVED,
    /** An intervention of the plan was carried out. */
    INTERVENTION_COMPLETED,
    CLOSED,
    REOPENED,
    /** A time limit of the procedure began; {@code due_at} says when it falls due. */
    DEADLINE_SCHEDULED,
    /** A time limit was met by the step it waited for (at the step's own time, late or not). */
    DEADLINE_FULFILLED
}
