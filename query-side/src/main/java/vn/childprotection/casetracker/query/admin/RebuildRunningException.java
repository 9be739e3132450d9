package vn.childprotection.casetracker.query.admin;

/**
 * A rebuild of the projection is running already. Answered with 409 and the running rebuild's status.
 */
public class RebuildRunningException extends RuntimeException {

    private final transient RebuildStatus running;

    public RebuildRunningException(RebuildStatus running) {
        super("A rebuild of " + running.projection() + " is running already (" + running.state() + ", "
                + running.eventsDone() + "/" + running.eventsTotal() + " events); wait for it to finish.");
        this.running = running;
    }

    public RebuildStatus running() {
        return running;
    }
}
