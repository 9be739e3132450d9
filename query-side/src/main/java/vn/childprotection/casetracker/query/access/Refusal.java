package vn.childprotection.casetracker.query.access;

/**
 * Why {@link ReadPolicy} refuses a read (<i>lý do từ chối</i>). Each is answered with 403 and its {@code code} in
 * the problem's {@code rule} field. The detail says who may read, never anything about what was asked for (not the
 * case's id, commune or child, not the commune or org unit asked for), so a refusal teaches nothing about a case one
 * may not read.
 */
public enum Refusal {
    ROLE_NOT_ALLOWED("role-not-allowed", "Your role does not allow this read."),
    AGGREGATES_ONLY("aggregates-only",
            "Dashboards read aggregate statistics only (GET /api/v1/statistics/open-cases, "
                    + "GET /api/v1/statistics/indicators)."),
    OUTSIDE_YOUR_COMMUNE("outside-your-commune",
            "This case is run by another commune. In an emergency, break the glass "
                    + "(POST /api/v1/cases/{caseId}/break-the-glass) and state the reason; the access is reviewed."),
    NOT_ASSIGNED_TO_YOUR_ORG_UNIT("not-assigned-to-your-org-unit",
            "No intervention of this case's current plan is assigned to your org unit, or the case is closed. In an "
                    + "emergency, break the glass and state the reason; the access is reviewed."),
    FULL_VIEW_REQUIRED("full-view-required",
            "A disclosure package is prepared only by readers of the full case file: the commune running the case, "
                    + "a coordinator, or a holder of an active break-the-glass grant."),
    HISTORY_NOT_FOR_ROLE("role-not-allowed",
            "Case histories are read by the commune running the case, coordinators and auditors."),
    REGISTER_NOT_FOR_ROLE("role-not-allowed",
            "The risk register is read by commune staff (their own commune), coordinators and auditors."),
    DECLINED_LIST_NOT_FOR_ROLE("role-not-allowed",
            "The list of declined interventions is read by coordinators."),
    SUCCESSOR_CHOICES_NOT_FOR_ROLE("role-not-allowed",
            "The cases waiting for their successor commune to be chosen are listed for coordinators."),
    AUDIT_TRAIL_NOT_FOR_ROLE("role-not-allowed",
            "The audit trail is read by coordinators and auditors."),
    INTEGRITY_NOT_FOR_ROLE("role-not-allowed",
            "Integrity verification is read by coordinators and auditors."),
    ACCESS_LOG_NOT_FOR_ROLE("role-not-allowed",
            "The access log and break-the-glass grants are read by auditors."),
    STATISTICS_NOT_FOR_ROLE("role-not-allowed",
            "Aggregate statistics are read by dashboards, coordinators and auditors."),
    REPORTS_NOT_FOR_ROLE("role-not-allowed",
            "Indicators and reports are read by coordinators, auditors and commune staff (their own commune); "
                    + "dashboards read GET /api/v1/statistics/indicators."),
    REPORTS_OF_YOUR_COMMUNE("not-your-commune",
            "Commune staff read the indicators and reports of their own commune only."),
    NOT_YOUR_COMMUNE("not-your-commune",
            "Commune staff read the registers of their own commune only; leave the commune out or give your own."),
    NOT_YOUR_ORG_UNIT("not-your-org-unit",
            "You read the work queue and the overdue items of your own org unit only."),
    BREAK_THE_GLASS_NOT_NEEDED("already-in-scope",
            "This case is within your scope already; break-the-glass is for cases outside it."),
    OWN_GRANT("own-grant",
            "A break-the-glass grant is reviewed by another auditor than the one who used it.");

    private final String code;
    private final String detail;

    Refusal(String code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    /**
     * Stable code clients can rely on (the problem's {@code rule}).
     */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
