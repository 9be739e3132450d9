package vn.childprotection.casetracker.query.projection;

/**
 * For tests that call a {@link WritesPerBatch} projection's handlers directly, outside any unit of work: drops what
 * the calling thread's standalone batch of that projection holds, so no test sees another's documents.
 */
public final class StandaloneBatches {

    private StandaloneBatches() {
    }

    /** Forgets the standalone batch of {@code projection} on this thread, with every document it holds. */
    public static void forget(Object projection) {
        ProjectionBatch.eventFailed(projection);
    }
}
