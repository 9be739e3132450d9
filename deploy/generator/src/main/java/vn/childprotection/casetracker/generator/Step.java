package vn.childprotection.casetracker.generator;

import vn.childprotection.casetracker.values.CaseStatus;

/**
 * One request of a case's procedure, as the generator sends it and records it. Each is exactly one HTTP request, so
 * a record's steps also count its requests.
 */
public enum Step {
    /** Report received (<i>thông báo, tiếp nhận</i>, Mẫu 01): {@code POST /cases}. */
    REPORTED(CaseStatus.REPORTED),
    /** Initial assessment (Mẫu 02). */
    INITIAL_ASSESSMENT(CaseStatus.INITIALLY_ASSESSED),
    /** Emergency measures (Mẫu 07); the case status does not change. */
    EMERGENCY_MEASURES(null),
    /** Detailed assessment (Mẫu 03). */
    DETAILED_ASSESSMENT(CaseStatus.DETAILED_ASSESSED),
    /** Support plan drafted (Mẫu 04). */
    PLAN_DRAFTED(CaseStatus.PLAN_DRAFTED),
    /** Plan approved by the commune chair (Mẫu 05). */
    PLAN_APPROVED(CaseStatus.PLAN_APPROVED),
    /** The assigned agency accepted an intervention; the case status does not change. */
    INTERVENTION_ACCEPTED(null),
    /** The assigned agency completed an intervention; the case status does not change. */
    INTERVENTION_COMPLETED(null),
    /** Review (Mẫu 06); the case status does not change. */
    REVIEWED(null),
    /** Closed by the commune chair. */
    CLOSED(CaseStatus.CLOSED),
    /**
     * A coordinator chose the new commune of a split commune's case open on 1/7/2025
     * ({@code POST /cases/{id}/successor-commune}); the case status does not change.
     */
    SUCCESSOR_COMMUNE_CHOSEN(null);

    private final CaseStatus statusAfter;

    Step(CaseStatus statusAfter) {
        this.statusAfter = statusAfter;
    }

    /**
     * @return the case status after this step, or {@code current} when the step leaves it as it is
     */
    public CaseStatus statusAfter(CaseStatus current) {
        return statusAfter == null ? current : statusAfter;
    }
}
