package vn.childprotection.casetracker.query.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash chains of the event store, recomputed outside the database: the same bytes and hashes as the database's
 * trigger {@code event_chain_append} and the service's sealer write into {@code event_chain}. Written down here so
 * that an auditor can reimplement the check with any SHA-256 tool and no code of this service.
 * <p>
 * <b>Canonical bytes of one stored event</b> (a row of {@code domain_event_entry}), nine fields in this order:
 * <ol>
 *     <li>{@code event_identifier} (text)</li>
 *     <li>{@code aggregate_identifier} (text) — the case id</li>
 *     <li>{@code sequence_number} — 8 bytes, big-endian two's complement, no length prefix</li>
 *     <li>{@code type} (text, may be NULL) — the aggregate type, {@code CaseFile}</li>
 *     <li>{@code payload_type} (text)</li>
 *     <li>{@code payload_revision} (text, may be NULL)</li>
 *     <li>{@code payload} (bytes, exactly as stored: JSON whose personal fields are already encrypted)</li>
 *     <li>{@code meta_data} (bytes as stored, may be NULL)</li>
 *     <li>{@code time_stamp} (text, as stored, e.g. {@code 2025-03-03T01:00:00Z})</li>
 * </ol>
 * Every field except the sequence number is written as a 4-byte big-endian length followed by that many bytes (text
 * as UTF-8); a NULL is the four bytes {@code ff ff ff ff} and nothing else. The length prefixes make the encoding
 * injective: two different rows never give the same bytes, whatever their values contain ({@code "ab" + "c"} and
 * {@code "a" + "bc"} differ, and NULL differs from the empty value). {@code global_index} is not part of it; the
 * store chain covers it.
 * <p>
 * <b>Case chain</b> (chuỗi của vụ việc), written by the database's trigger as each event is inserted:
 * {@code hash = SHA-256(prev_hash || canonical)}, where {@code prev_hash} is the hash of the same case's previous
 * event (sequence number one lower) and 32 zero bytes for its first event.
 * <br><b>Store chain</b> (chuỗi của kho sự kiện), linked by the service after commit in the order the events
 * committed: {@code store_hash = SHA-256(store_prev_hash || chain_position as 8 bytes big-endian || global_index as
 * 8 bytes big-endian || hash)}, where {@code chain_position} counts from 1 and {@code store_prev_hash} is the
 * {@code store_hash} of the previous position, 32 zero bytes for position 1.
 * <br><b>Authentication</b> (migration {@code V1_3__event_chain_authenticated.sql}): each link carries MACs by the
 * service's integrity key, which the database never holds (see {@link ChainMacs}).
 * <p>
 * Because only stored bytes go in, erasing a child's key later (crypto-shredding) leaves every hash as it was.
 * Hashes are shown as lowercase hexadecimal.
 */
public final class EventChainEncoding {

    public static final int HASH_BYTES = 32;

    private static final byte[] NULL_FIELD = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    private static final HexFormat HEX = HexFormat.of();

    private EventChainEncoding() {
    }

    /**
     * The 32 zero bytes a chain starts from.
     */
    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    /**
     * The canonical bytes of a stored event (see the class documentation).
     */
    public static byte[] canonical(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(event.payload())
                + length(event.metaData()));
        text(out, event.eventIdentifier());
        text(out, event.aggregateIdentifier());
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        text(out, event.type());
        text(out, event.payloadType());
        text(out, event.payloadRevision());
        field(out, event.payload());
        field(out, event.metaData());
        text(out, event.timeStamp());
        return out.toByteArray();
    }

    /**
     * The case-chain hash of {@code event} following {@code previousHash}.
     */
    public static byte[] caseHash(byte[] previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonical(event));
        return sha256.digest();
    }

    /**
     * The store-chain hash at {@code chainPosition} of the event at {@code globalIndex} whose case-chain hash is
     * {@code caseHash}, following {@code previousStoreHash}.
     */
    public static byte[] storeHash(byte[] previousStoreHash, long chainPosition, long globalIndex, byte[] caseHash) {
        MessageDigest sha256 = sha256();
        sha256.update(previousStoreHash);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(chainPosition).array());
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(globalIndex).array());
        sha256.update(caseHash);
        return sha256.digest();
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    /**
     * Reads a hash written as 64 hexadecimal digits (either case).
     *
     * @throws IllegalArgumentException when it is not exactly that
     */
    public static byte[] parseHash(String hex) {
        if (hex == null || hex.length() != HASH_BYTES * 2) {
            throw new IllegalArgumentException("a hash is 64 hexadecimal digits");
        }
        return HEX.parseHex(hex.toLowerCase(Locale.ROOT));
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(NULL_FIELD);
            return;
        }
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
