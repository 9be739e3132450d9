package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * The canonical encoding, the two hashes and the link MACs, pinned to values computed independently of this code
 * (Python's hashlib and hmac over the bytes the documentation describes), so an auditor's reimplementation can be
 * checked against the same vectors and the encoding can never change silently.
 */
class IntegrityEncodingTest {

    private static final StoredEvent EVENT = event("sự-kiện-1", "case-1", "{\"caseId\":\"case-1\"}");

    @Test
    void the_canonical_bytes_are_length_prefixed_fields_in_the_documented_order() {
        assertThat(EventChainEncoding.hex(EventChainEncoding.canonical(EVENT))).isEqualTo(
                "0000000d73e1bbb12d6b69e1bb876e2d31" // event_identifier, 13 bytes of UTF-8
                        + "00000006636173652d31" // aggregate_identifier
                        + "0000000000000003" // sequence_number, 8 bytes
                        + "000000084361736546696c65" // type
                        + "00000032766e2e6368696c6470726f74656374696f6e2e63617365747261636b65722e6576656e74732e"
                        + "436173655265706f72746564" // payload_type
                        + "ffffffff" // payload_revision NULL
                        + "000000137b22636173654964223a22636173652d31227d" // payload
                        + "000000197b22757365724964223a22776f726b65722e616e6c616f227d" // meta_data
                        + "00000014323032352d30332d30335430313a30303a30305a"); // time_stamp
    }

    @Test
    void the_case_and_store_hashes_match_the_published_vectors() {
        byte[] caseHash = EventChainEncoding.caseHash(EventChainEncoding.genesis(), EVENT);
        assertThat(EventChainEncoding.hex(caseHash))
                .isEqualTo("1d3bcd4e863aca2b648f573031151c1d2c8868967ff1c42a7661f0cb9b42adfe");
        // Chain position 7, global index 42.
        assertThat(EventChainEncoding.hex(EventChainEncoding.storeHash(EventChainEncoding.genesis(), 7, 42,
                caseHash))).isEqualTo("f7647f711c95fc48c551e2b71628b204d00c1adca63b659fc40a98523f4cacbc");
    }

    /**
     * The MACs of a link, pinned to values computed with Python's hmac over the documented parts (key: 32 times
     * "k"), so that an auditor holding the key can check them with any HMAC-SHA256 tool.
     */
    @Test
    void the_link_macs_match_the_published_vectors() {
        ChainMacs macs = new ChainMacs(new IntegrityKey("k".repeat(32)));
        byte[] caseHash = EventChainEncoding.caseHash(EventChainEncoding.genesis(), EVENT);
        byte[] storeHash = EventChainEncoding.storeHash(EventChainEncoding.genesis(), 7, 42, caseHash);
        ChainLink link = new ChainLink(42, "case-1", 3, "sự-kiện-1", EventChainEncoding.genesis(), caseHash,
                EventChainEncoding.genesis(), storeHash, null,
                HexFormat.of().parseHex("2d867ce5f1db5dd96a9a686042b46f2f8f3c32e627ca7c5d9b9046944467d820"), 7L,
                HexFormat.of().parseHex("e7228057922e6bcf03419f88555a1805fc28c9c06e6ba3c0173acb0cdabc57e0"));

        assertThat(macs.linkAuthentic(link)).isTrue();
        assertThat(macs.storeLinkAuthentic(link)).isTrue();
        ChainLink otherPosition = new ChainLink(42, "case-1", 3, "sự-kiện-1", link.prevHash(), caseHash,
                link.storePrevHash(), storeHash, null, link.linkMac(), 8L, link.storeMac());
        assertThat(macs.storeLinkAuthentic(otherPosition)).isFalse();
        assertThat(new ChainMacs(new IntegrityKey("x".repeat(32))).linkAuthentic(link)).isFalse();
    }

    @Test
    void values_moved_across_a_field_boundary_give_other_bytes() {
        StoredEvent ab = event("ab", "c", "{}");
        StoredEvent a = event("a", "bc", "{}");
        assertThat(EventChainEncoding.canonical(ab)).isNotEqualTo(EventChainEncoding.canonical(a));
        assertThat(EventChainEncoding.caseHash(EventChainEncoding.genesis(), ab))
                .isNotEqualTo(EventChainEncoding.caseHash(EventChainEncoding.genesis(), a));
    }

    @Test
    void a_null_field_differs_from_an_empty_one() {
        StoredEvent withNullRevision = EVENT;
        StoredEvent withEmptyRevision = new StoredEvent(EVENT.globalIndex(), EVENT.eventIdentifier(),
                EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), EVENT.type(), EVENT.payloadType(), "",
                EVENT.payload(), EVENT.metaData(), EVENT.timeStamp());
        assertThat(EventChainEncoding.canonical(withNullRevision))
                .isNotEqualTo(EventChainEncoding.canonical(withEmptyRevision));
    }

    @Test
    void the_hash_depends_on_the_previous_one() {
        byte[] first = EventChainEncoding.caseHash(EventChainEncoding.genesis(), EVENT);
        assertThat(EventChainEncoding.caseHash(first, EVENT)).isNotEqualTo(first);
    }

    @Test
    void an_anchored_hash_must_be_64_hexadecimal_digits() {
        String head = "1D3BCD4E863ACA2B648F573031151C1D2C8868967FF1C42A7661F0CB9B42ADFE";
        assertThat(EventChainEncoding.hex(EventChainEncoding.parseHash(head))).isEqualTo(head.toLowerCase());
        assertThatThrownBy(() -> EventChainEncoding.parseHash("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventChainEncoding.parseHash("z".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredEvent event(String eventId, String caseId, String payload) {
        return new StoredEvent(42, eventId, caseId, 3, "CaseFile",
                "vn.childprotection.casetracker.events.CaseReported", null,
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"worker.anlao\"}".getBytes(StandardCharsets.UTF_8), "2025-03-03T01:00:00Z");
    }
}
