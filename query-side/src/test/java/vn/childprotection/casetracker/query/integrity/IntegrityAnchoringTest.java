package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.query.integrity.IntegrityTamperingTest.assertLink;
import static vn.childprotection.casetracker.query.integrity.IntegrityTamperingTest.assertNumber;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;
import vn.childprotection.casetracker.platform.integrity.IntegrityKey;

/**
 * What the anchors recorded outside the database add to the MACs: the store verification takes them from the
 * witness by itself, and a tail deleted or a link rewritten with the key itself is detected from the first anchor
 * that covers it on (not before: that window is the anchoring interval, which the verification reports). A rewrite
 * without the key needs no anchor: the MACs expose it at once. Anchors are recorded here through the witness, as
 * the service's anchoring does after its interval or number of events.
 */
class IntegrityAnchoringTest extends IntegrityTestSupport {

    @Autowired
    private AnchorWitness witness;

    @Autowired
    private IntegrityKey key;

    @Test
    void the_verification_checks_every_anchor_of_the_witness_and_reports_the_interval_and_the_latest() {
        caseOfOneEvent();
        ChainAnchor anchor = anchorTheHead();

        JsonNode verification = storeVerification();

        assertThat(verification.get("verified").asBoolean()).as("%s", verification).isTrue();
        JsonNode anchoring = verification.get("anchoring");
        assertThat(anchoring.get("everyEvents").asLong()).isEqualTo(1000);
        assertThat(anchoring.get("interval").asString()).isEqualTo("PT10M");
        assertThat(anchoring.get("witness").asString()).isEqualTo(witness.describe());
        long recorded = witness.anchors(ChainAnchor.EVENTS).size();
        assertThat(anchoring.get("anchors").asLong()).isEqualTo(recorded).isPositive();
        assertThat(anchoring.get("anchorsChecked").asLong()).isEqualTo(recorded);
        assertThat(anchoring.get("latest").get("chainPosition").asLong()).isEqualTo(anchor.position());
        assertThat(anchoring.get("latest").get("hash").asString()).isEqualTo(EventChainEncoding.hex(anchor.head()));
        assertThat(verification.get("head").get("chainPosition").asLong()).isEqualTo(anchor.position());
    }

    @Test
    void a_tail_deleted_is_unseen_until_an_anchor_covers_it_then_named_by_its_position() {
        String caseId = caseOfOneEvent();
        long g0 = globalIndexes(caseId).get(0);
        long position = chainPosition(g0);
        StoreTail tail = tailFrom(g0);
        try {
            deleteWithChainRow(g0);
            JsonNode unseen = storeVerification();
            if (coveredByAnAnchor(unseen, position)) {
                // The service's own anchoring (every-events) recorded this head already.
                assertThat(unseen.get("firstBrokenLink").get("code").asString())
                        .isEqualTo(ChainProblem.CHAIN_SHORTER_THAN_ANCHOR.name());
            } else {
                // Nothing records that the chain reached this far: it verifies, shorter.
                assertThat(unseen.get("verified").asBoolean()).as("%s", unseen).isTrue();
                assertThat(unseen.get("head").get("chainPosition").asLong()).isEqualTo(position - 1);
            }
        } finally {
            restore(tail);
        }
        anchorTheHead();
        try {
            deleteWithChainRow(g0);
            JsonNode detected = storeVerification();
            assertThat(detected.get("verified").asBoolean()).isFalse();
            JsonNode link = detected.get("firstBrokenLink");
            assertLink(link, null, null, null, ChainProblem.CHAIN_SHORTER_THAN_ANCHOR);
            assertNumber(link, "chainPosition", position);
        } finally {
            restore(tail);
        }
        assertIntact(caseId);
    }

    @Test
    void a_rewrite_after_the_latest_anchor_is_caught_at_once_by_the_mac_and_with_the_key_at_the_next_anchor() {
        anchorTheHead();
        String caseId = caseOfOneEvent();
        long g0 = globalIndexes(caseId).get(0);
        long position = chainPosition(g0);
        StoreTail tail = tailFrom(g0);

        // Without the key: the rewritten link fails its MAC, though no anchor covers it yet.
        rewrite(g0, position, null);
        try {
            JsonNode atOnce = storeVerification();
            assertLink(atOnce.get("firstBrokenLink"), caseId, 0L, g0, ChainProblem.LINK_NOT_AUTHENTICATED);
            assertNumber(atOnce.get("firstBrokenLink"), "chainPosition", position);
        } finally {
            restore(tail);
        }

        // With the key, before an anchor covers the event: unseen, within the anchoring interval.
        rewrite(g0, position, key);
        try {
            JsonNode unseen = storeVerification();
            if (coveredByAnAnchor(unseen, position)) {
                // The service's own anchoring (every-events) recorded this head already.
                assertThat(unseen.get("firstBrokenLink").get("code").asString())
                        .isEqualTo(ChainProblem.ANCHOR_MISMATCH.name());
            } else {
                assertThat(unseen.get("verified").asBoolean()).as("%s", unseen).isTrue();
            }
        } finally {
            restore(tail);
        }

        // With the key, after the next anchor covered it: the chain no longer reaches the anchored head.
        anchorTheHead();
        rewrite(g0, position, key);
        try {
            JsonNode detected = storeVerification();
            assertLink(detected.get("firstBrokenLink"), caseId, 0L, g0, ChainProblem.ANCHOR_MISMATCH);
            assertNumber(detected.get("firstBrokenLink"), "chainPosition", position);
        } finally {
            restore(tail);
        }
        assertIntact(caseId);
    }

    /**
     * Whether the verification compared the chain with an anchor at or beyond {@code position}: anchors are recorded
     * in the order of the heads, so the latest is the furthest.
     */
    private static boolean coveredByAnAnchor(JsonNode verification, long position) {
        JsonNode latest = verification.get("anchoring").get("latest");
        return !latest.isNull() && latest.get("chainPosition").asLong() >= position;
    }

    private String caseOfOneEvent() {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-an-tien", T0));
        awaitProcessorsPast(globalIndexes(caseId).get(0));
        awaitSealed(caseId);
        return caseId;
    }

    /**
     * Records the store chain's current head in the witness, as the service's anchoring does.
     */
    private ChainAnchor anchorTheHead() {
        Map<String, Object> head = jdbc.queryForMap("SELECT chain_position, store_hash FROM event_chain "
                + "WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1");
        ChainAnchor anchor = new ChainAnchor(ChainAnchor.EVENTS, (Long) head.get("chain_position"),
                (byte[]) head.get("store_hash"), NOW);
        witness.record(anchor);
        return anchor;
    }

    private void rewrite(long globalIndex, long position, IntegrityKey stolenKey) {
        String caseId = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE global_index = ?", String.class, globalIndex);
        inTransaction(() -> {
            jdbc.update("UPDATE domain_event_entry SET payload = set_byte(payload, 5, get_byte(payload, 5) # 1) "
                    + "WHERE global_index = ?", globalIndex);
            new Rechain(jdbc, stolenKey).caseChain(caseId).storeChainFrom(position);
        });
    }

    private void deleteWithChainRow(long globalIndex) {
        inTransaction(() -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);
            jdbc.update("DELETE FROM event_chain WHERE global_index = ?", globalIndex);
        });
    }
}
