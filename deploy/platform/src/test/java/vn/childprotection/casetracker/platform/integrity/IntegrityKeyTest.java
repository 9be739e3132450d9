package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityKeyTest {

    // HMAC-SHA256("kkkk…" (32), "event-link/v1" 00 | 00000002 "ab" | 00000008 0000000000000007), computed with
    // Python's hmac module.
    private static final String KNOWN = "c0f72a9ff9d8e981aea522ab0d0b36ed21ad8f53567a582a26a989f96b8fc109";

    private final IntegrityKey key = new IntegrityKey("k".repeat(32));

    @Test
    void a_mac_covers_the_purpose_and_each_part_with_its_length() {
        byte[] mac = key.mac("event-link/v1", IntegrityKey.utf8("ab"), IntegrityKey.int8(7));

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo(KNOWN);
        assertThat(key.verifies(mac, "event-link/v1", IntegrityKey.utf8("ab"), IntegrityKey.int8(7))).isTrue();
        assertThat(key.verifies(mac, "store-link/v1", IntegrityKey.utf8("ab"), IntegrityKey.int8(7))).isFalse();
        assertThat(key.verifies(mac, "event-link/v1", IntegrityKey.utf8("a"), IntegrityKey.utf8("b"),
                IntegrityKey.int8(7))).as("parts moved across a boundary").isFalse();
        assertThat(new IntegrityKey("x".repeat(32)).verifies(mac, "event-link/v1", IntegrityKey.utf8("ab"),
                IntegrityKey.int8(7))).as("another key").isFalse();
        assertThat(key.verifies(null, "event-link/v1")).isFalse();
    }

    @Test
    void the_file_witness_gives_back_each_chain_s_anchors_in_the_order_recorded(@TempDir Path dir) {
        FileAnchorWitness witness = new FileAnchorWitness(dir.resolve("integrity").resolve("anchors.log"));
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[31] = 1;

        assertThat(witness.anchors(ChainAnchor.EVENTS)).isEmpty();
        witness.record(new ChainAnchor(ChainAnchor.EVENTS, 10, first, Instant.parse("2026-11-30T01:00:00Z")));
        witness.record(new ChainAnchor(ChainAnchor.ACCESS_LOG, 3, second, Instant.parse("2026-11-30T01:00:01Z")));
        witness.record(new ChainAnchor(ChainAnchor.EVENTS, 20, second, Instant.parse("2026-11-30T01:10:00Z")));

        assertThat(new FileAnchorWitness(dir.resolve("integrity/anchors.log")).anchors(ChainAnchor.EVENTS))
                .extracting(ChainAnchor::position, a -> a.head()[31], ChainAnchor::anchoredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, (byte) 0,
                                Instant.parse("2026-11-30T01:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(20L, (byte) 1, Instant.parse("2026-11-30T01:10:00Z")));
        assertThat(witness.anchors(ChainAnchor.ACCESS_LOG)).extracting(ChainAnchor::position).containsExactly(3L);
    }
}
