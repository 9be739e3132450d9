package vn.childprotection.casetracker.query.integrity;

import java.time.Instant;

/**
 * One row of {@code event_chain}: what the trigger recorded about an event when it was inserted (its identity and
 * position, and its links in the case chain and in the store chain).
 *
 * @param createdAt when the database chained it; not covered by any hash, informative only
 */
public record ChainLink(
        long globalIndex,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        byte[] prevHash,
        byte[] hash,
        byte[] storePrevHash,
        byte[] storeHash,
        Instant createdAt) {
}
