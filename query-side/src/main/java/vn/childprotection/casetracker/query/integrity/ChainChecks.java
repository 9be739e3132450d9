package vn.childprotection.casetracker.query.integrity;

import static vn.childprotection.casetracker.query.integrity.EventChainEncoding.caseHash;
import static vn.childprotection.casetracker.query.integrity.EventChainEncoding.storeHash;

import java.util.Arrays;

/**
 * The checks of one event and its chain row, shared by the case and the store verification. Their order decides
 * what a break is called: first whether the event and its chain row are both there and are the same event at the
 * same position, then whether the row follows the case's previous event, then whether the stored bytes still give
 * the chained hash, and last whether the service authenticated the link (a link recomputed by anyone without the
 * integrity key fails only there).
 */
final class ChainChecks {

    private ChainChecks() {
    }

    /**
     * The case link of a row: identity, order in its case, hashes and {@code link_mac}.
     *
     * @param expectedSequence the sequence number that must come next in the case
     * @param expectedPrevHash the hash of the case's previous event (the genesis for its first)
     * @return the break at this row, or null when the row holds
     */
    static BrokenLink checkCaseLink(ChainRow row, long expectedSequence, byte[] expectedPrevHash, ChainMacs macs) {
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
            return new BrokenLink(null, link.aggregateIdentifier(), expectedSequence, ChainProblem.EVENT_MISSING,
                    ChainProblem.EVENT_MISSING.label(), null);
        }
        if (link.sequenceNumber() < expectedSequence) {
            return BrokenLink.at(row, ChainProblem.SEQUENCE_OUT_OF_ORDER);
        }
        if (!Arrays.equals(link.prevHash(), expectedPrevHash)) {
            return BrokenLink.at(row, ChainProblem.CHAIN_LINK_BROKEN);
        }
        boolean authentic = macs.linkAuthentic(link);
        if (!Arrays.equals(caseHash(link.prevHash(), event), link.hash())) {
            // The service's MAC still vouches for the chained hash: the event changed, not its chain row.
            return BrokenLink.at(row, authentic ? ChainProblem.PAYLOAD_CHANGED : ChainProblem.CHAIN_HASH_CHANGED);
        }
        if (!authentic) {
            return BrokenLink.at(row, ChainProblem.LINK_NOT_AUTHENTICATED);
        }
        return null;
    }

    /**
     * The store link of a sealed row whose case link holds: its store hashes and {@code store_mac}.
     *
     * @param previousStoreHash the store hash of the previous position (the genesis before position 1)
     * @return the break at this row, or null when the row holds
     */
    static BrokenLink checkStoreLink(ChainRow row, byte[] previousStoreHash, ChainMacs macs) {
        ChainLink link = row.link();
        if (link.storePrevHash() == null || link.storeHash() == null) {
            return BrokenLink.at(row, ChainProblem.STORE_HASH_CHANGED);
        }
        boolean recomputes = Arrays.equals(storeHash(link.storePrevHash(), link.chainPosition(), link.globalIndex(),
                link.hash()), link.storeHash());
        boolean authentic = macs.storeLinkAuthentic(link);
        if (!Arrays.equals(link.storePrevHash(), previousStoreHash)) {
            // An intact, authenticated row that does not follow the previous one: the link before it was replaced.
            return BrokenLink.at(row, recomputes && authentic ? ChainProblem.PRECEDING_EVENT_MISSING
                    : ChainProblem.STORE_HASH_CHANGED);
        }
        if (!recomputes) {
            return BrokenLink.at(row, ChainProblem.STORE_HASH_CHANGED);
        }
        if (!authentic) {
            return BrokenLink.at(row, ChainProblem.STORE_LINK_NOT_AUTHENTICATED);
        }
        return null;
    }
}
