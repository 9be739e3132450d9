package vn.childprotection.casetracker.platform.orgunits;

/**
 * A loading of the list of org units was based on a version that is no longer the latest: another loading was
 * recorded first (in this process or another). Answered 409 {@code org-structure-changed}; nothing was recorded.
 */
public class OrgStructureConflict extends RuntimeException {

    /** The problem's stable rule code. */
    public static final String RULE = "org-structure-changed";

    private final int latestVersion;

    /**
     * @param attempted     the version this loading would have been
     * @param latestVersion the latest version recorded now
     */
    public OrgStructureConflict(int attempted, int latestVersion) {
        super("Version " + attempted + " of the org units could not be recorded: the latest version is now "
                + latestVersion + ". Read it (GET /api/v1/org-units?all=true) and load your list again.");
        this.latestVersion = latestVersion;
    }

    /** The latest version recorded now. */
    public int latestVersion() {
        return latestVersion;
    }
}
