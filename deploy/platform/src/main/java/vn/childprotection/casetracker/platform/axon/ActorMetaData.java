package vn.childprotection.casetracker.platform.axon;

/**
 * Names of the metadata every command and event carries: who did it, in which org unit, in which role. Events the
 * service records by itself (a missed time limit) carry user {@code system}, role {@code SYSTEM} and the org unit
 * that was responsible.
 */
public final class ActorMetaData {

    public static final String USER = "userId";
    public static final String ORG_UNIT = "orgUnit";
    public static final String ROLE = "role";

    private ActorMetaData() {
    }
}
