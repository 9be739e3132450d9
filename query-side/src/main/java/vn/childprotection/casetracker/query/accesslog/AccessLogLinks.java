package vn.childprotection.casetracker.query.accesslog;

import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.int8;
import static vn.childprotection.casetracker.platform.integrity.IntegrityKey.utf8;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.integrity.EventChainLinks;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * The formulas that make the access log (<i>nhật ký truy cập</i>) evidence, in one place for the writer, the sealer
 * and the verifier (see {@code V3_8__access_log_chain.sql}):
 * <ul>
 *   <li>{@code row_mac = key.mac("access-entry/v1", int8(entry_id), utf8(accessed_at), utf8(user_id),
 *   utf8(org_unit), utf8(role), utf8(case_id), utf8(resource), utf8(purpose), utf8(grant_id or ""))}, accessed_at
 *   as ISO-8601 UTC with exactly six fraction digits;</li>
 *   <li>{@code hash = sha256(prev_hash || int8(chain_position) || int8(entry_id) || row_mac)};</li>
 *   <li>{@code link_mac = key.mac("access-link/v1", int8(chain_position), prev_hash, hash)}.</li>
 * </ul>
 */
@Component
public class AccessLogLinks {

    /** The prev_hash of position 1: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    static final String ENTRY_PURPOSE = "access-entry/v1";
    static final String LINK_PURPOSE = "access-link/v1";

    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final IntegrityKey key;

    public AccessLogLinks(IntegrityKey key) {
        this.key = key;
    }

    /**
     * @return the 32-byte row MAC of one access log row
     */
    public byte[] rowMac(AccessLogRow row) {
        return key.mac(ENTRY_PURPOSE, rowParts(row));
    }

    /**
     * @return whether {@code mac} is the row MAC of this row (constant time; false for null)
     */
    public boolean rowVerifies(byte[] mac, AccessLogRow row) {
        return key.verifies(mac, ENTRY_PURPOSE, rowParts(row));
    }

    /**
     * @return the link_mac of a chain link
     */
    public byte[] linkMac(long position, byte[] prevHash, byte[] hash) {
        return key.mac(LINK_PURPOSE, int8(position), prevHash, hash);
    }

    /**
     * @return whether {@code mac} is the link_mac of this link (constant time; false for null)
     */
    public boolean linkVerifies(byte[] mac, long position, byte[] prevHash, byte[] hash) {
        return key.verifies(mac, LINK_PURPOSE, int8(position), prevHash, hash);
    }

    /**
     * @return {@code sha256(prev_hash || int8(chain_position) || int8(entry_id) || row_mac)}
     */
    public static byte[] hash(byte[] prevHash, long position, long entryId, byte[] rowMac) {
        // The store chain's formula, with the entry id for the global index and the row MAC for the case hash.
        return EventChainLinks.storeHash(prevHash, position, entryId, rowMac);
    }

    /**
     * @return the instant as the row MAC covers it: ISO-8601 UTC, six fraction digits, e.g.
     * {@code 2025-09-01T01:00:00.000000Z}
     */
    static String micros(Instant instant) {
        return MICROS.format(instant);
    }

    private static byte[][] rowParts(AccessLogRow row) {
        return new byte[][] {int8(row.entryId()), utf8(micros(row.accessedAt())), utf8(row.userId()),
                utf8(row.orgUnit()), utf8(row.role()), utf8(row.caseId()), utf8(row.resource()), utf8(row.purpose()),
                utf8(row.grantId() == null ? "" : row.grantId())};
    }
}
