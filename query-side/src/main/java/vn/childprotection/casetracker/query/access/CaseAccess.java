package vn.childprotection.casetracker.query.access;

/**
 * What {@link ReadPolicy} allows a reader of one case: which view, for which purpose, and through which
 * break-the-glass grant if the reader's role alone would not have let them in.
 *
 * @param grantId the grant that let the reader in, or null when the role itself does
 */
public record CaseAccess(CaseView view, Purpose purpose, String grantId) {

    static CaseAccess caseWork(CaseView view) {
        return new CaseAccess(view, Purpose.CASE_WORK, null);
    }

    static CaseAccess underGrant(ActiveGrant grant) {
        return new CaseAccess(CaseView.FULL, Purpose.BREAK_THE_GLASS, grant.grantId());
    }

    /**
     * The same access used to prepare a disclosure package, which the access log records as such.
     */
    CaseAccess forDisclosure() {
        return new CaseAccess(view, Purpose.DISCLOSURE, grantId);
    }
}
