package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The chains as written by the database and as recomputed by the verifier, on an untouched store: they agree, the
 * head moves with every event and can be anchored, and erasing a child's key leaves every hash as it was.
 */
class IntegrityVerificationTest extends IntegrityTestSupport {

    @Autowired
    private EventChainReader reader;

    @Autowired
    private ChainMacs macs;

    @Test
    void an_untouched_case_verifies_and_shows_its_head() {
        String caseId = newId("case");
        List<Long> globalIndexes = caseOfEightEvents(caseId);

        JsonNode verification = caseVerification(caseId);

        assertThat(verification.get("caseId").asString()).isEqualTo(caseId);
        assertThat(verification.get("verified").asBoolean()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(8);
        assertThat(verification.get("firstBrokenLink").isNull()).isTrue();
        byte[] lastHash = (byte[]) chainRow(globalIndexes.get(7)).get("hash");
        assertThat(verification.get("headHash").asString()).isEqualTo(EventChainEncoding.hex(lastHash))
                .hasSize(64);
        JsonNode head = verification.get("head");
        assertThat(head.get("sequenceNumber").asLong()).isEqualTo(7);
        assertThat(head.get("globalIndex").asLong()).isEqualTo(globalIndexes.get(7));
        assertThat(head.get("hash").asString()).isEqualTo(verification.get("headHash").asString());
        assertThat(head.get("at").asString()).isEqualTo(T0.plus(Duration.ofHours(7)).toString());
    }

    /**
     * The trigger, the service's append and sealer, and the verifier compute the same canonical bytes, hashes and
     * MACs: the one can be checked by the other, and both by an auditor's own implementation of the documented
     * encoding.
     */
    @Test
    void the_database_chains_exactly_the_bytes_and_hashes_the_verifier_recomputes() {
        String caseId = newId("case");
        caseOfEightEvents(caseId);

        byte[] previous = EventChainEncoding.genesis();
        for (ChainRow row : reader.caseRows(caseId)) {
            byte[] inDatabase = jdbc.queryForObject("SELECT event_chain_canonical(e) FROM domain_event_entry e "
                    + "WHERE e.global_index = ?", byte[].class, row.globalIndex());
            assertThat(EventChainEncoding.canonical(row.event())).isEqualTo(inDatabase);
            assertThat(row.link().prevHash()).isEqualTo(previous);
            assertThat(EventChainEncoding.caseHash(previous, row.event())).isEqualTo(row.link().hash());
            assertThat(EventChainEncoding.storeHash(row.link().storePrevHash(), row.link().chainPosition(),
                    row.globalIndex(), row.link().hash())).isEqualTo(row.link().storeHash());
            assertThat(macs.linkAuthentic(row.link())).as("link MAC of %s", row.globalIndex()).isTrue();
            assertThat(macs.storeLinkAuthentic(row.link())).as("store MAC of %s", row.globalIndex()).isTrue();
            previous = row.link().hash();
        }
    }

    @Test
    void the_whole_store_verifies_up_to_its_head() {
        caseOfEightEvents(newId("case"));

        JsonNode verification = storeVerification();

        assertThat(verification.get("verified").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.get("firstBrokenLink").isNull()).isTrue();
        assertThat(verification.get("events").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        Map<String, Object> last = jdbc.queryForMap("SELECT global_index, store_hash, chain_position "
                + "FROM event_chain WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1");
        assertThat(verification.get("headHash").asString())
                .isEqualTo(EventChainEncoding.hex((byte[]) last.get("store_hash")));
        assertThat(verification.get("head").get("globalIndex").asLong()).isEqualTo((Long) last.get("global_index"));
        assertThat(verification.get("head").get("chainPosition").asLong())
                .isEqualTo((Long) last.get("chain_position"));
        assertThat(verification.get("checkedAt").asString()).isEqualTo(NOW.toString());
        assertThat(verification.get("pending").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM event_chain WHERE chain_position IS NULL", Long.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain", Long.class))
                .isEqualTo(verification.get("events").asLong());
    }

    @Test
    void the_head_moves_with_each_event_and_an_earlier_head_still_anchors_the_history_before_it() {
        String caseId = newId("case");
        caseOfEightEvents(caseId);
        JsonNode before = head();

        append(WORKER, T0.plus(Duration.ofHours(30)), new CaseReviewed(caseId, T0.plus(Duration.ofHours(30)),
                RiskLevel.LOW, ReviewOutcome.CONTINUE, seal(newId("child"), "Rà soát lần hai")));
        awaitSealed(caseId);
        JsonNode after = head();

        long appended = globalIndexes(caseId).get(8);
        assertThat(after.get("globalIndex").asLong()).isEqualTo(appended).isGreaterThan(
                before.get("globalIndex").asLong());
        assertThat(after.get("chainPosition").asLong()).isEqualTo(before.get("chainPosition").asLong() + 1);
        assertThat(after.get("hash").asString()).isNotEqualTo(before.get("hash").asString());
        assertThat(after.get("at").asString()).isEqualTo(T0.plus(Duration.ofHours(30)).toString());

        JsonNode anchored = okJson("/api/v1/integrity/verification?anchoredGlobalIndex="
                + before.get("globalIndex").asLong() + "&anchoredHash=" + before.get("hash").asString());
        assertThat(anchored.get("verified").asBoolean()).as("%s", anchored).isTrue();
        assertThat(anchored.get("headHash").asString()).isEqualTo(after.get("hash").asString());

        String forged = "0".repeat(64);
        JsonNode mismatch = okJson("/api/v1/integrity/verification?anchoredGlobalIndex="
                + before.get("globalIndex").asLong() + "&anchoredHash=" + forged);
        assertThat(mismatch.get("verified").asBoolean()).isFalse();
        assertThat(mismatch.get("firstBrokenLink").get("globalIndex").asLong())
                .isEqualTo(before.get("globalIndex").asLong());
        assertThat(mismatch.get("firstBrokenLink").get("code").asString()).isEqualTo("ANCHOR_MISMATCH");
    }

    /**
     * Crypto-shredding (xóa khóa của trẻ) removes what the sealed fields mean, not a byte of the events: the chain
     * is the same and still verifies.
     */
    @Test
    void erasing_the_child_s_key_leaves_the_chain_unchanged() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-an-tien", T0);
        List<Long> globalIndexes = globalIndexes(caseId);
        awaitProcessorsPast(globalIndexes.get(7));
        JsonNode before = caseVerification(caseId);
        List<byte[]> hashesBefore = caseHashes(caseId);

        assertThat(jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId)).isEqualTo(1);

        JsonNode after = caseVerification(caseId);
        assertThat(after.get("verified").asBoolean()).isTrue();
        assertThat(after.get("headHash").asString()).isEqualTo(before.get("headHash").asString());
        assertThat(caseHashes(caseId)).containsExactlyElementsOf(hashesBefore);
        assertThat(storeVerification().get("verified").asBoolean()).isTrue();
    }

    @Test
    void a_case_without_events_is_not_found() {
        HttpResponse<String> response = getAs("auditor", "auditor",
                "/api/v1/cases/" + newId("case") + "/history/verification");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void an_anchor_needs_both_its_position_and_a_well_formed_hash() {
        HttpResponse<String> withoutHash = getAs("auditor", "auditor",
                "/api/v1/integrity/verification?anchoredGlobalIndex=1");
        assertThat(withoutHash.statusCode()).isEqualTo(400);
        assertThat(body(withoutHash).get("errors").get(0).get("field").asString()).isEqualTo("anchoredHash");

        HttpResponse<String> badHash = getAs("auditor", "auditor",
                "/api/v1/integrity/verification?anchoredGlobalIndex=1&anchoredHash=xyz");
        assertThat(badHash.statusCode()).isEqualTo(400);
        assertThat(badHash.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void the_openapi_document_describes_the_integrity_endpoints() {
        JsonNode api = body(getWithoutSignIn("/v3/api-docs"));
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}/history/verification")).isTrue();
        assertThat(api.get("paths").has("/api/v1/integrity/verification")).isTrue();
        assertThat(api.get("paths").has("/api/v1/integrity/head")).isTrue();
        assertThat(api.get("tags").values()).extracting(tag -> tag.get("name").asString())
                .contains("Integrity");
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(schemas.get("CaseHistoryVerification").get("properties").has("firstBrokenLink")).isTrue();
        assertThat(schemas.get("StoreVerification").get("properties").has("checkedAt")).isTrue();
        assertThat(schemas.get("BrokenLink").get("properties").has("problem")).isTrue();
        assertThat(schemas.get("StoreChainHead").get("properties").has("hash")).isTrue();
        assertThat(schemas.get("StoreChainHead").get("properties").has("chainPosition")).isTrue();
        assertThat(schemas.get("StoreVerification").get("properties").has("pending")).isTrue();
        assertThat(schemas.get("Anchoring").get("properties").has("interval")).isTrue();
        assertThat(schemas.get("BrokenLink").get("properties").has("chainPosition")).isTrue();
        assertThat(schemas.get("BrokenLink").get("properties").get("code").get("enum").values())
                .extracting(JsonNode::asString).contains("LINK_NOT_AUTHENTICATED", "STORE_LINK_NOT_AUTHENTICATED",
                        "POSITION_GAP", "CHAIN_SHORTER_THAN_ANCHOR", "ANCHOR_MISMATCH");
    }

    private List<byte[]> caseHashes(String caseId) {
        return jdbc.queryForList("SELECT hash FROM event_chain WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", byte[].class, caseId);
    }
}
