package vn.childprotection.casetracker.query.access;

/**
 * How much of a case file a reader is shown.
 */
public enum CaseView {
    /** Everything, personal fields opened. */
    FULL,
    /**
     * What an assigned agency's work needs: the case's id, commune, status and version; the child's id, name, sex
     * and age; the agency's own interventions with their descriptions and its own deadlines. Nothing else.
     */
    AGENCY,
    /** Everything but the personal fields, which are null ({@code personalDataRedacted: true}). */
    REDACTED;

    /**
     * Whether answering this view opens personal data, and so is recorded in the access log.
     */
    public boolean opensPersonalData() {
        return this != REDACTED;
    }
}
