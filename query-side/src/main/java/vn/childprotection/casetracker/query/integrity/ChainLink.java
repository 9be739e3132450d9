package vn.childprotection.casetracker.query.integrity;

import java.time.Instant;

/**
 * One row of {@code event_chain}: what the database's trigger recorded about an event when it was inserted (its
 * identity, position in its case and case-chain hashes), what the service authenticated in the same transaction
 * ({@code link_mac}) and, once sealed after commit, its link in the store chain.
 *
 * @param storePrevHash null while not sealed
 * @param storeHash     null while not sealed
 * @param createdAt     when the database chained it; not covered by any hash, informative only
 * @param linkMac       the service's MAC over the case link ({@code event-link/v1}), null when none was written
 * @param chainPosition its position in the store chain (from 1), null while not sealed
 * @param storeMac      the service's MAC over the store link ({@code store-link/v1}), null while not sealed
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
        Instant createdAt,
        byte[] linkMac,
        Long chainPosition,
        byte[] storeMac) {

    /**
     * @return whether the row is sealed into the store chain (it has a chain position)
     */
    public boolean sealed() {
        return chainPosition != null;
    }
}
