package vn.childprotection.casetracker.query.integrity;

import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.int8;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.utf8;

import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * Checks the service's MACs on a chain row with the integrity key (which the database never holds), so that a link
 * written or rewritten by anyone else fails:
 * <ul>
 *     <li>{@code link_mac = MAC("event-link/v1", utf8(aggregate_identifier), int8(sequence_number),
 *     utf8(event_identifier), int8(global_index), prev_hash, hash)}, written in the append transaction;</li>
 *     <li>{@code store_mac = MAC("store-link/v1", int8(chain_position), int8(global_index), store_prev_hash,
 *     store_hash)}, written when the row is sealed into the store chain.</li>
 * </ul>
 * MAC is {@link IntegrityKey#mac}: HMAC-SHA256 over the purpose, a zero byte, then each part with its 4-byte
 * big-endian length. Compared in constant time.
 */
@Component
public class ChainMacs {

    static final String EVENT_LINK = "event-link/v1";
    static final String STORE_LINK = "store-link/v1";

    private final IntegrityKey key;

    public ChainMacs(IntegrityKey key) {
        this.key = key;
    }

    /**
     * @return whether the row's {@code link_mac} authenticates its case link; false when it has none
     */
    public boolean linkAuthentic(ChainLink link) {
        if (link.prevHash() == null || link.hash() == null) {
            return false;
        }
        return key.verifies(link.linkMac(), EVENT_LINK, utf8(link.aggregateIdentifier()),
                int8(link.sequenceNumber()), utf8(link.eventIdentifier()), int8(link.globalIndex()),
                link.prevHash(), link.hash());
    }

    /**
     * @return whether the row's {@code store_mac} authenticates its store link; false when it is not sealed or has
     * no MAC
     */
    public boolean storeLinkAuthentic(ChainLink link) {
        if (link.chainPosition() == null || link.storePrevHash() == null || link.storeHash() == null) {
            return false;
        }
        return key.verifies(link.storeMac(), STORE_LINK, int8(link.chainPosition()), int8(link.globalIndex()),
                link.storePrevHash(), link.storeHash());
    }
}
