package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Someone with write access to the database changes history behind the service's back; each change must be
 * detected and pinpointed (the case, the sequence number, the global index and what is wrong) by the case
 * verification and by the whole-store verification alike. Every test puts the rows back exactly as they were and
 * checks the store is intact again, because the module's tests share one event store.
 */
class IntegrityTamperingTest extends IntegrityTestSupport {

    @Test
    void an_edited_payload_byte_is_pinpointed() {
        String caseId = newId("case");
        long g3 = caseOfEightEvents(caseId).get(3);
        byte[] original = payload(g3);

        jdbc.update("UPDATE domain_event_entry SET payload = set_byte(payload, 5, get_byte(payload, 5) # 1) "
                + "WHERE global_index = ?", g3);
        try {
            assertBrokenAt(caseId, 3, g3, ChainProblem.PAYLOAD_CHANGED);
        } finally {
            setPayload(g3, original);
        }
        assertIntact(caseId);
    }

    @Test
    void edited_metadata_is_pinpointed() {
        String caseId = newId("case");
        long g1 = caseOfEightEvents(caseId).get(1);
        byte[] original = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class, g1);

        // Someone else "recorded" the initial assessment.
        int changed = jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from("
                + "meta_data, 'UTF8'), 'worker.anlao', 'chair.anlao'), 'UTF8') WHERE global_index = ?", g1);
        try {
            assertThat(changed).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                    byte[].class, g1)).isNotEqualTo(original);
            assertBrokenAt(caseId, 1, g1, ChainProblem.PAYLOAD_CHANGED);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", original, g1);
        }
        assertIntact(caseId);
    }

    @Test
    void a_deleted_event_is_pinpointed_by_the_chain_row_it_leaves_behind() {
        String caseId = newId("case");
        long g4 = caseOfEightEvents(caseId).get(4);
        Map<String, Object> event = eventRow(g4);

        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g4);
        try {
            assertBrokenAt(caseId, 4, g4, ChainProblem.EVENT_MISSING);
            assertThat(caseVerification(caseId).get("events").asLong()).isEqualTo(7);
        } finally {
            restoreEvent(event);
        }
        assertIntact(caseId);
    }

    @Test
    void an_event_deleted_with_its_chain_row_is_pinpointed_by_the_gap_in_the_case() {
        String caseId = newId("case");
        long g4 = caseOfEightEvents(caseId).get(4);
        Map<String, Object> event = eventRow(g4);
        Map<String, Object> link = chainRow(g4);

        inTransaction(() -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g4);
            jdbc.update("DELETE FROM event_chain WHERE global_index = ?", g4);
        });
        try {
            // The event is gone altogether: its sequence number is known, its global index is not.
            assertBrokenAt(caseId, 4, null, ChainProblem.EVENT_MISSING);
        } finally {
            restoreChainRow(link);
            restoreEvent(event);
        }
        assertIntact(caseId);
    }

    @Test
    void a_case_s_latest_event_deleted_with_its_chain_row_is_caught_by_the_anchor_and_by_the_next_event_stored() {
        String caseId = newId("case");
        List<Long> globalIndexes = caseOfEightEvents(caseId);
        long g7 = globalIndexes.get(7);
        JsonNode anchoredCase = caseVerification(caseId).get("head");
        // Another case recorded afterwards: its first event follows the deleted one in the store chain.
        String laterCaseId = newId("case");
        append(WORKER, T0.plusSeconds(86_400), reported(laterCaseId, newId("child"), "313-an-tien", T0));
        long laterG0 = globalIndexes(laterCaseId).get(0);
        awaitProcessorsPast(laterG0);
        Map<String, Object> event = eventRow(g7);
        Map<String, Object> link = chainRow(g7);
        String storeHashAtG7 = hex((byte[]) link.get("store_hash"));

        inTransaction(() -> {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g7);
            jdbc.update("DELETE FROM event_chain WHERE global_index = ?", g7);
        });
        try {
            // The case chain alone cannot tell a removed last event from a case that never had it...
            JsonNode alone = caseVerification(caseId);
            assertThat(alone.get("verified").asBoolean()).isTrue();
            assertThat(alone.get("head").get("sequenceNumber").asLong()).isEqualTo(6);
            // ...its anchored head can.
            JsonNode anchored = okJson("/api/v1/cases/" + caseId + "/history/verification?anchoredSequenceNumber="
                    + anchoredCase.get("sequenceNumber").asLong() + "&anchoredHash="
                    + anchoredCase.get("hash").asString());
            assertThat(anchored.get("verified").asBoolean()).isFalse();
            assertLink(anchored.get("firstBrokenLink"), caseId, 7, null, ChainProblem.ANCHOR_MISSING);
            // The store chain sees it at the next event stored.
            JsonNode store = storeVerification();
            assertThat(store.get("verified").asBoolean()).isFalse();
            assertLink(store.get("firstBrokenLink"), laterCaseId, 0, laterG0, ChainProblem.PRECEDING_EVENT_MISSING);
            // And a store head anchored at the deleted event names it.
            JsonNode anchoredStore = okJson("/api/v1/integrity/verification?anchoredGlobalIndex=" + g7
                    + "&anchoredHash=" + storeHashAtG7);
            assertThat(anchoredStore.get("firstBrokenLink").get("globalIndex").asLong()).isEqualTo(g7);
            assertThat(anchoredStore.get("firstBrokenLink").get("code").asString()).isEqualTo("ANCHOR_MISSING");
        } finally {
            restoreChainRow(link);
            restoreEvent(event);
        }
        assertIntact(caseId);
        assertIntact(laterCaseId);
    }

    @Test
    void two_events_whose_payloads_were_swapped_are_pinpointed_at_the_first() {
        String caseId = newId("case");
        List<Long> globalIndexes = caseOfEightEvents(caseId);
        long g2 = globalIndexes.get(2);
        long g3 = globalIndexes.get(3);
        byte[] payload2 = payload(g2);
        byte[] payload3 = payload(g3);

        inTransaction(() -> {
            setPayload(g2, payload3);
            setPayload(g3, payload2);
        });
        try {
            assertBrokenAt(caseId, 2, g2, ChainProblem.PAYLOAD_CHANGED);
        } finally {
            inTransaction(() -> {
                setPayload(g2, payload2);
                setPayload(g3, payload3);
            });
        }
        assertIntact(caseId);
    }

    @Test
    void reordered_sequence_numbers_are_pinpointed() {
        String caseId = newId("case");
        List<Long> globalIndexes = caseOfEightEvents(caseId);
        long g2 = globalIndexes.get(2);
        long g3 = globalIndexes.get(3);

        swapSequenceNumbers(g2, g3);
        try {
            assertThat(globalIndexes(caseId).subList(2, 4)).containsExactly(g3, g2);
            assertBrokenAt(caseId, 2, g2, ChainProblem.SEQUENCE_OUT_OF_ORDER);
        } finally {
            swapSequenceNumbers(g2, g3);
        }
        assertIntact(caseId);
    }

    @Test
    void an_edited_chain_hash_is_pinpointed() {
        String caseId = newId("case");
        long g5 = caseOfEightEvents(caseId).get(5);
        byte[] original = (byte[]) chainRow(g5).get("hash");

        jdbc.update("UPDATE event_chain SET hash = sha256(hash) WHERE global_index = ?", g5);
        try {
            assertBrokenAt(caseId, 5, g5, ChainProblem.CHAIN_HASH_CHANGED);
        } finally {
            jdbc.update("UPDATE event_chain SET hash = ? WHERE global_index = ?", original, g5);
        }
        assertIntact(caseId);
    }

    /**
     * Whoever edits an event and rehashes its chain row (case and store hash) to match still breaks the link the
     * case's next event holds to the original hash.
     */
    @Test
    void an_edited_event_whose_chain_row_was_rehashed_breaks_the_next_link() {
        String caseId = newId("case");
        List<Long> globalIndexes = caseOfEightEvents(caseId);
        long g5 = globalIndexes.get(5);
        long g6 = globalIndexes.get(6);
        byte[] original = payload(g5);
        Map<String, Object> link = chainRow(g5);

        inTransaction(() -> {
            jdbc.update("UPDATE domain_event_entry SET payload = set_byte(payload, 5, get_byte(payload, 5) # 1) "
                    + "WHERE global_index = ?", g5);
            jdbc.update("UPDATE event_chain c SET hash = sha256(c.prev_hash || event_chain_canonical(e)) "
                    + "FROM domain_event_entry e WHERE e.global_index = c.global_index AND c.global_index = ?", g5);
            jdbc.update("UPDATE event_chain SET store_hash = sha256(store_prev_hash || int8send(global_index) "
                    + "|| hash) WHERE global_index = ?", g5);
        });
        try {
            assertThat(chainRow(g5).get("hash")).isNotEqualTo(link.get("hash"));
            assertBrokenAt(caseId, 6, g6, ChainProblem.CHAIN_LINK_BROKEN);
        } finally {
            inTransaction(() -> {
                setPayload(g5, original);
                jdbc.update("UPDATE event_chain SET hash = ?, store_hash = ? WHERE global_index = ?",
                        link.get("hash"), link.get("store_hash"), g5);
            });
        }
        assertIntact(caseId);
    }

    @Test
    void an_event_without_its_chain_row_is_pinpointed() {
        String caseId = newId("case");
        long g6 = caseOfEightEvents(caseId).get(6);
        Map<String, Object> link = chainRow(g6);

        jdbc.update("DELETE FROM event_chain WHERE global_index = ?", g6);
        try {
            assertBrokenAt(caseId, 6, g6, ChainProblem.CHAIN_ROW_MISSING);
        } finally {
            restoreChainRow(link);
        }
        assertIntact(caseId);
    }

    /**
     * Both verifications fail and name the same place: the case endpoint by sequence number (and global index when
     * known), the store endpoint by global index, case and sequence number.
     */
    private void assertBrokenAt(String caseId, long sequenceNumber, Long globalIndex, ChainProblem problem) {
        JsonNode ofCase = caseVerification(caseId);
        assertThat(ofCase.get("verified").asBoolean()).as("case verification %s", ofCase).isFalse();
        assertLink(ofCase.get("firstBrokenLink"), caseId, sequenceNumber, globalIndex, problem);

        JsonNode ofStore = storeVerification();
        assertThat(ofStore.get("verified").asBoolean()).as("store verification %s", ofStore).isFalse();
        assertLink(ofStore.get("firstBrokenLink"), caseId, sequenceNumber, globalIndex, problem);
    }

    private static void assertLink(JsonNode link, String caseId, long sequenceNumber, Long globalIndex,
                                   ChainProblem problem) {
        assertThat(link.isObject()).as("first broken link %s", link).isTrue();
        assertThat(link.get("code").asString()).as("code in %s", link).isEqualTo(problem.name());
        assertThat(link.get("problem").asString()).isEqualTo(problem.label());
        assertThat(link.get("caseId").asString()).isEqualTo(caseId);
        assertThat(link.get("sequenceNumber").asLong()).as("sequence number in %s", link).isEqualTo(sequenceNumber);
        if (globalIndex == null) {
            assertThat(link.get("globalIndex").isNull()).as("global index in %s", link).isTrue();
        } else {
            assertThat(link.get("globalIndex").asLong()).as("global index in %s", link).isEqualTo(globalIndex);
        }
    }

    private byte[] payload(long globalIndex) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class,
                globalIndex);
    }

    private void setPayload(long globalIndex, byte[] payload) {
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, globalIndex);
    }

    private void swapSequenceNumbers(long a, long b) {
        inTransaction(() -> {
            long sequenceA = sequenceNumber(a);
            long sequenceB = sequenceNumber(b);
            jdbc.update("UPDATE domain_event_entry SET sequence_number = -1 WHERE global_index = ?", a);
            jdbc.update("UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?", sequenceA, b);
            jdbc.update("UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?", sequenceB, a);
        });
    }

    private long sequenceNumber(long globalIndex) {
        return jdbc.queryForObject("SELECT sequence_number FROM domain_event_entry WHERE global_index = ?",
                Long.class, globalIndex);
    }

    private static String hex(byte[] bytes) {
        return EventChainEncoding.hex(bytes);
    }
}
