package vn.childprotection.casetracker.command.casefile;

/**
 * The rules of order of the procedure (Decree 56/2017/NĐ-CP, Chapter III), each with a stable code clients can
 * rely on and an explanation saying why the command was refused.
 */
public enum ProcedureRule {
    CASE_CLOSED("case-closed",
            "The case is closed (kết thúc); only reopening is allowed (and records of consent or erasure)."),
    INITIAL_ASSESSMENT_ONCE("initial-assessment-after-report",
            "The initial assessment (đánh giá nguy cơ ban đầu) is made once, after the report or a reopening."),
    INITIAL_ASSESSMENT_REQUIRED("initial-assessment-required",
            "This step needs the initial assessment (đánh giá nguy cơ ban đầu) first."),
    REMOVAL_TOO_LONG("removal-too-long",
            "A temporary removal (tạm thời cách ly) lasts at most the configured number of days (Art 32)."),
    REMOVAL_ENDS_BEFORE_START("removal-ends-before-start",
            "A temporary removal cannot end before it starts."),
    REMOVAL_BEFORE_REPORT("removal-before-report",
            "A temporary removal (tạm thời cách ly) starts no earlier than the day of the report (Art 32)."),
    STEP_BEFORE_PREVIOUS("step-before-previous-step",
            "A step may not be dated before the step it follows (Decree 56 Chapter III)."),
    DETAILED_ASSESSMENT_ORDER("detailed-assessment-after-initial",
            "The detailed assessment (đánh giá nguy cơ cụ thể) comes after the initial assessment and before the "
                    + "plan is approved."),
    PLAN_NEEDS_DETAILED_ASSESSMENT("plan-after-detailed-assessment",
            "A support plan (kế hoạch hỗ trợ, can thiệp) is drafted after the detailed assessment."),
    REPLAN_NEEDS_REVIEW("replan-needs-review",
            "An approved plan is re-drafted only after a review (rà soát) decides to re-plan."),
    APPROVAL_NEEDS_DRAFT("approval-needs-draft",
            "There is no drafted plan waiting for approval (phê duyệt)."),
    PLAN_VERSION_MISMATCH("plan-version-mismatch",
            "Only the latest drafted version of the plan can be approved."),
    INTERVENTIONS_NEED_APPROVED_PLAN("interventions-need-approved-plan",
            "Interventions are carried out only under an approved plan."),
    NOT_ASSIGNED_AGENCY("not-assigned-agency",
            "Only the agency an intervention is assigned to can change its status."),
    INTERVENTION_TRANSITION("intervention-transition",
            "This status change of an intervention is not allowed."),
    REVIEW_NEEDS_APPROVED_PLAN("review-needs-approved-plan",
            "A review (rà soát, đánh giá) is made on an approved plan."),
    CLOSURE_NEEDS_PROPOSAL("closure-needs-review-proposal",
            "Closing for no further risk (Art 30.1.b) needs a review that proposed closure."),
    REOPEN_ONLY_CLOSED("reopen-only-closed",
            "Only a closed case can be reopened."),
    TRANSFER_SAME_COMMUNE("transfer-same-commune",
            "The case is already with that commune."),
    TRANSFER_PENDING("transfer-pending",
            "A transfer to another commune is already waiting for an answer."),
    NO_PENDING_TRANSFER("no-pending-transfer",
            "No transfer is waiting for an answer."),
    NOT_RECEIVING_COMMUNE("not-receiving-commune",
            "Only the commune the case is offered to can accept or decline the transfer."),
    REASSIGN_COMPLETED("reassign-completed",
            "A completed intervention is not reassigned."),
    REASSIGN_SAME_AGENCY("reassign-same-agency",
            "The intervention is already assigned to that agency."),
    CHILD_CONSENT_FROM_7("child-consent-from-7",
            "The child's own consent to disclosure is recorded from the age of 7 (Luật Trẻ em Art 21)."),
    IDENTITY_ERASED("identity-erased",
            "The child's identity was erased; no personal data can be recorded on this case any more."),
    IDENTITY_ALREADY_ERASED("identity-already-erased",
            "The child's identity is already erased."),
    WORKING_CALENDAR_MISSING("working-calendar-missing",
            "A time limit counted in working days (ngày làm việc, Art 28) would run into a year the working-day "
                    + "calendar holds no data for."),
    CHILD_NOT_KNOWN("child-not-known",
            "The commune knows no child with this id: a report names a child only when a case of that child is or "
                    + "was run by the commune the report is for."),
    CHILD_IDENTITY_ERASED("child-identity-erased",
            "The child's identity was erased; the child cannot be named in a new report."),
    DUPLICATE_NAMES_ORIGINAL("duplicate-names-original",
            "A case closed as a duplicate report (DUPLICATE_REPORT) names the case it repeats "
                    + "(duplicateOfCaseId); a case closed for another reason names none."),
    DUPLICATE_OF_SAME_CHILD("duplicate-of-same-child",
            "The case a duplicate report repeats must be another case of the same child."),
    SUCCESSOR_COMMUNE_TO_CHOOSE("successor-commune-to-choose",
            "The commune that ran the case ceased and was split among several communes (Nghị quyết "
                    + "1669/NQ-UBTVQH15): a coordinator, or the chair of one of its successor communes, chooses the "
                    + "commune that runs the case now (POST /api/v1/cases/{id}/successor-commune) before any further "
                    + "step."),
    COMMUNE_NOT_ENDED("commune-not-ended",
            "The commune running the case still exists on that day: there is no successor to choose."),
    NOT_A_SUCCESSOR_COMMUNE("not-a-successor-commune",
            "The commune chosen is not one of the successors that took over people of the commune that ceased.");

    private final String code;
    private final String explanation;

    ProcedureRule(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }
}
