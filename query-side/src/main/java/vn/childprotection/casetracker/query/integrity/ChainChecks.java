package vn.childprotection.casetracker.query.integrity;

import static vn.childprotection.casetracker.query.integrity.EventChainEncoding.caseHash;
import static vn.childprotection.casetracker.query.integrity.EventChainEncoding.storeHash;

import java.util.Arrays;

/**
 * The checks of one event and its chain row against the case chain before it, shared by the case and the store
 * verification. Their order decides what a break is called: first whether the event and its chain row are both
 * there and are the same event at the same position, then whether the row follows the case's previous event, and
 * only then whether the stored bytes still give the chained hash.
 */
final class ChainChecks {

    private ChainChecks() {
    }

    /**
     * @param expectedSequence the sequence number that must come next in the case
     * @param expectedPrevHash the hash of the case's previous event (the genesis for its first)
     * @return the break at this row, or null when the row holds
     */
    static BrokenLink check(ChainRow row, long expectedSequence, byte[] expectedPrevHash) {
        StoredEvent event = row.event();
        ChainLink link = row.link();
        if (link == null) {
            return BrokenLink.at(row, ChainProblem.CHAIN_ROW_MISSING);
        }
        if (event == null) {
            return BrokenLink.at(row, ChainProblem.EVENT_MISSING);
        }
        if (event.aggregateIdentifier().equals(link.aggregateIdentifier())
                && event.sequenceNumber() != link.sequenceNumber()) {
            return BrokenLink.at(row, ChainProblem.SEQUENCE_OUT_OF_ORDER);
        }
        if (!event.aggregateIdentifier().equals(link.aggregateIdentifier())
                || !event.eventIdentifier().equals(link.eventIdentifier())) {
            return BrokenLink.at(row, ChainProblem.EVENT_REPLACED);
        }
        if (link.sequenceNumber() > expectedSequence) {
            // Both the event and its chain row are gone: only the gap in the case's sequence tells.
            return BrokenLink.at(null, link.aggregateIdentifier(), expectedSequence, ChainProblem.EVENT_MISSING);
        }
        if (link.sequenceNumber() < expectedSequence) {
            return BrokenLink.at(row, ChainProblem.SEQUENCE_OUT_OF_ORDER);
        }
        if (!Arrays.equals(link.prevHash(), expectedPrevHash)) {
            return BrokenLink.at(row, ChainProblem.CHAIN_LINK_BROKEN);
        }
        boolean storeLinkIntact = storeLinkIntact(link);
        if (!Arrays.equals(caseHash(link.prevHash(), event), link.hash())) {
            // The chain row still agrees with its own store link: the event changed, not the chain row.
            return BrokenLink.at(row, storeLinkIntact ? ChainProblem.PAYLOAD_CHANGED
                    : ChainProblem.CHAIN_HASH_CHANGED);
        }
        if (!storeLinkIntact) {
            return BrokenLink.at(row, ChainProblem.STORE_HASH_CHANGED);
        }
        return null;
    }

    /**
     * Whether the chain row's store hash follows from its own store_prev_hash, global index and case hash.
     */
    static boolean storeLinkIntact(ChainLink link) {
        return Arrays.equals(storeHash(link.storePrevHash(), link.globalIndex(), link.hash()), link.storeHash());
    }
}
