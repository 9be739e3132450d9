package vn.childprotection.casetracker.platform.integrity;

import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.int8;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.utf8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The formulas of the authenticated event chain (migration {@code V1_3__event_chain_authenticated.sql}), in one
 * place for the service that writes the links and for verification that recomputes them. All hashes and MACs are
 * 32 bytes; numbers enter as 8-byte big-endian integers ({@link IntegrityKey#int8}), texts as UTF-8.
 */
public final class EventChainLinks {

    /** The MAC purpose of an event's case link, written in the append transaction. */
    public static final String EVENT_LINK = "event-link/v1";
    /** The MAC purpose of a store link, written by the sealer. */
    public static final String STORE_LINK = "store-link/v1";

    private static final int HASH_BYTES = 32;

    private EventChainLinks() {
    }

    /** 32 zero bytes: the previous hash of a case's first event and of chain position 1. */
    public static byte[] zeroHash() {
        return new byte[HASH_BYTES];
    }

    /**
     * {@code link_mac = key.mac("event-link/v1", utf8(aggregate_identifier), int8(sequence_number),
     * utf8(event_identifier), int8(global_index), prev_hash, hash)}.
     *
     * @param prevHash the case chain's {@code prev_hash} of the row, as the trigger wrote it
     * @param hash     the case chain's {@code hash} of the row
     */
    public static byte[] linkMac(IntegrityKey key, String aggregateIdentifier, long sequenceNumber,
                                 String eventIdentifier, long globalIndex, byte[] prevHash, byte[] hash) {
        return key.mac(EVENT_LINK, utf8(aggregateIdentifier), int8(sequenceNumber), utf8(eventIdentifier),
                int8(globalIndex), prevHash, hash);
    }

    /** {@code store_hash = sha256(store_prev_hash || int8(chain_position) || int8(global_index) || hash)}. */
    public static byte[] storeHash(byte[] storePrevHash, long chainPosition, long globalIndex, byte[] hash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(storePrevHash);
            sha256.update(int8(chainPosition));
            sha256.update(int8(globalIndex));
            sha256.update(hash);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * {@code store_mac = key.mac("store-link/v1", int8(chain_position), int8(global_index), store_prev_hash,
     * store_hash)}.
     */
    public static byte[] storeMac(IntegrityKey key, long chainPosition, long globalIndex, byte[] storePrevHash,
                                  byte[] storeHash) {
        return key.mac(STORE_LINK, int8(chainPosition), int8(globalIndex), storePrevHash, storeHash);
    }
}
