package vn.childprotection.casetracker.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * The access log's MACs and hashes follow the shared contract byte for byte, rebuilt here by hand from the
 * contract's text rather than from the code under test.
 */
class AccessLogLinksTest {

    private static final String SECRET = "a test integrity key of at least thirty-two characters";
    private static final AccessLogLinks LINKS = new AccessLogLinks(new IntegrityKey(SECRET));
    private static final AccessLogRow ROW = new AccessLogRow(42, Instant.parse("2025-09-01T01:00:00.000120Z"),
            "worker.anlao", "313-tt-an-lao", "COMMUNE_WORKER", "case-1", "CASE_FILE", "CASE_WORK", null);

    @Test
    void the_row_mac_covers_every_column_with_the_instant_in_microseconds_and_an_empty_grant() throws Exception {
        byte[] expected = hmac("access-entry/v1", long8(42), text("2025-09-01T01:00:00.000120Z"),
                text("worker.anlao"), text("313-tt-an-lao"), text("COMMUNE_WORKER"), text("case-1"),
                text("CASE_FILE"), text("CASE_WORK"), text(""));
        assertThat(LINKS.rowMac(ROW)).isEqualTo(expected);
        assertThat(LINKS.rowVerifies(expected, ROW)).isTrue();
        AccessLogRow otherReader = new AccessLogRow(42, ROW.accessedAt(), "chair.anlao", ROW.orgUnit(), ROW.role(),
                ROW.caseId(), ROW.resource(), ROW.purpose(), null);
        assertThat(LINKS.rowVerifies(expected, otherReader)).isFalse();
        assertThat(LINKS.rowVerifies(null, ROW)).isFalse();
    }

    @Test
    void a_link_hashes_its_predecessor_position_entry_and_row_mac_and_is_authenticated() throws Exception {
        byte[] rowMac = LINKS.rowMac(ROW);
        byte[] prev = HexFormat.of().parseHex("11".repeat(32));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(prev);
        sha256.update(long8(7));
        sha256.update(long8(42));
        sha256.update(rowMac);
        byte[] expectedHash = sha256.digest();
        assertThat(AccessLogLinks.hash(prev, 7, 42, rowMac)).isEqualTo(expectedHash);

        byte[] expectedLinkMac = hmac("access-link/v1", long8(7), prev, expectedHash);
        assertThat(LINKS.linkMac(7, prev, expectedHash)).isEqualTo(expectedLinkMac);
        assertThat(LINKS.linkVerifies(expectedLinkMac, 8, prev, expectedHash)).isFalse();
    }

    private static byte[] hmac(String purpose, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(purpose.getBytes(StandardCharsets.UTF_8));
        input.write(0);
        for (byte[] part : parts) {
            input.writeBytes(new byte[] {0, 0, (byte) (part.length >> 8), (byte) part.length});
            input.writeBytes(part);
        }
        return mac.doFinal(input.toByteArray());
    }

    private static byte[] long8(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>= 8;
        }
        return bytes;
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
