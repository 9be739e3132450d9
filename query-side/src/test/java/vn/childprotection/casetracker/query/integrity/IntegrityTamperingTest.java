package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Someone with write access to the database (but not the service's integrity key) changes history behind the
 * service's back; each change must be detected and pinpointed (the case, the sequence number, the global index or
 * the chain position, and what is wrong) by the case verification and by the whole-store verification alike. The
 * tests share one case of eight events and put the store's tail back exactly as it was after each change, checking
 * the store is intact again, because the module's tests share one event store. Anchors, and rewrites by someone who
 * holds the key, are in {@link IntegrityAnchoringTest}.
 */
class IntegrityTamperingTest extends IntegrityTestSupport {

    private static final String FLIP_A_PAYLOAD_BYTE = "UPDATE domain_event_entry SET payload = set_byte(payload, 5, "
            + "get_byte(payload, 5) # 1) WHERE global_index = ?";

    private static String caseId;
    private static List<Long> g;

    @Test
    void an_edited_payload_is_pinpointed() {
        givenTheCase();
        tamper(() -> jdbc.update(FLIP_A_PAYLOAD_BYTE, g.get(3)),
                () -> assertBrokenAt(3L, g.get(3), ChainProblem.PAYLOAD_CHANGED, chainPosition(g.get(3))));
    }

    @Test
    void edited_metadata_is_pinpointed() {
        givenTheCase();
        // Someone else "recorded" the initial assessment.
        tamper(() -> assertThat(jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace("
                        + "convert_from(meta_data, 'UTF8'), 'worker.anlao', 'chair.anlao'), 'UTF8') "
                        + "WHERE global_index = ?", g.get(1))).isEqualTo(1),
                () -> assertBrokenAt(1L, g.get(1), ChainProblem.PAYLOAD_CHANGED, chainPosition(g.get(1))));
    }

    @Test
    void an_edited_time_stamp_is_pinpointed() {
        givenTheCase();
        tamper(() -> jdbc.update("UPDATE domain_event_entry SET time_stamp = '2025-04-06T01:00:00Z' "
                        + "WHERE global_index = ?", g.get(2)),
                () -> assertBrokenAt(2L, g.get(2), ChainProblem.PAYLOAD_CHANGED, chainPosition(g.get(2))));
    }

    @Test
    void a_deleted_event_is_pinpointed_by_the_chain_row_it_leaves_behind() {
        givenTheCase();
        tamper(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g.get(4)), () -> {
            assertBrokenAt(4L, g.get(4), ChainProblem.EVENT_MISSING, chainPosition(g.get(4)));
            assertThat(caseVerification(caseId).get("events").asLong()).isEqualTo(7);
        });
    }

    @Test
    void an_event_deleted_with_its_chain_row_is_pinpointed_by_its_position_and_the_gap_in_its_case() {
        givenTheCase();
        long position = chainPosition(g.get(4));
        tamper(() -> deleteWithChainRow(g.get(4)),
                // The event is gone altogether: its sequence number and position are known, its global index is not.
                () -> assertBrokenAt(4L, null, ChainProblem.EVENT_MISSING, position));
    }

    @Test
    void a_deleted_chain_row_is_pinpointed_at_the_event_left_without_it() {
        givenTheCase();
        long position = chainPosition(g.get(6));
        tamper(() -> jdbc.update("DELETE FROM event_chain WHERE global_index = ?", g.get(6)),
                () -> assertBrokenAt(6L, g.get(6), ChainProblem.CHAIN_ROW_MISSING, position));
    }

    @Test
    void two_swapped_payloads_are_pinpointed_at_the_first() {
        givenTheCase();
        tamper(() -> jdbc.update("UPDATE domain_event_entry e SET payload = o.payload FROM domain_event_entry o "
                        + "WHERE (e.global_index, o.global_index) IN ((?, ?), (?, ?))",
                g.get(2), g.get(3), g.get(3), g.get(2)),
                () -> assertBrokenAt(2L, g.get(2), ChainProblem.PAYLOAD_CHANGED, chainPosition(g.get(2))));
    }

    @Test
    void two_swapped_events_are_pinpointed_as_out_of_order() {
        givenTheCase();
        tamper(() -> {
            jdbc.update("UPDATE domain_event_entry SET sequence_number = -1 WHERE global_index = ?", g.get(2));
            jdbc.update("UPDATE domain_event_entry SET sequence_number = 2 WHERE global_index = ?", g.get(3));
            jdbc.update("UPDATE domain_event_entry SET sequence_number = 3 WHERE global_index = ?", g.get(2));
        }, () -> assertBrokenAt(2L, g.get(2), ChainProblem.SEQUENCE_OUT_OF_ORDER, chainPosition(g.get(2))));
    }

    /**
     * The attack the issue found verifying: a plain INSERT is chained by the trigger like any event, but nothing
     * but the service can authenticate its link, so it is never sealed and is named, not counted as pending.
     */
    @Test
    void a_forged_insert_is_not_authenticated() {
        givenTheCase();
        long[] forged = new long[1];
        tamper(() -> forged[0] = forgeNextEvent(), () -> assertBrokenAt(8L, forged[0],
                ChainProblem.LINK_NOT_AUTHENTICATED, null));
    }

    @Test
    void an_insert_with_the_triggers_off_has_no_chain_row() {
        givenTheCase();
        long[] forged = new long[1];
        tamper(() -> withoutChainTrigger(() -> forged[0] = forgeNextEvent()),
                () -> assertBrokenAt(8L, forged[0], ChainProblem.CHAIN_ROW_MISSING, null));
    }

    @Test
    void a_gap_in_the_sequence_numbers_is_pinpointed() {
        givenTheCase();
        long position = chainPosition(g.get(7));
        tamper(() -> {
            jdbc.update("UPDATE domain_event_entry SET sequence_number = 9 WHERE global_index = ?", g.get(7));
            jdbc.update("UPDATE event_chain SET sequence_number = 9 WHERE global_index = ?", g.get(7));
        }, () -> assertBrokenAt(7L, null, ChainProblem.EVENT_MISSING, position));
    }

    @Test
    void an_edited_chain_hash_is_pinpointed() {
        givenTheCase();
        tamper(() -> jdbc.update("UPDATE event_chain SET hash = sha256(hash) WHERE global_index = ?", g.get(5)),
                () -> assertBrokenAt(5L, g.get(5), ChainProblem.CHAIN_HASH_CHANGED, chainPosition(g.get(5))));
    }

    @Test
    void an_edited_store_hash_is_pinpointed_by_the_store_verification() {
        givenTheCase();
        tamper(() -> jdbc.update("UPDATE event_chain SET store_hash = sha256(store_hash) WHERE global_index = ?",
                g.get(5)), () -> {
                    // The case chain does not cover the store link: only the store verification sees it.
                    assertThat(caseVerification(caseId).get("verified").asBoolean()).isTrue();
                    assertStoreBrokenAt(5L, g.get(5), ChainProblem.STORE_HASH_CHANGED, chainPosition(g.get(5)));
                });
    }

    /**
     * The attack the issue found verifying with the database's own backfill: every hash recomputed with SQL's
     * sha256 after the edit, which the link's MAC (over the case link) exposes at the edited event.
     */
    @Test
    void an_edit_then_rechain_is_not_authenticated_at_the_edited_event() {
        givenTheCase();
        long position = chainPosition(g.get(3));
        tamper(() -> {
            jdbc.update(FLIP_A_PAYLOAD_BYTE, g.get(3));
            new Rechain(jdbc, null).caseChain(caseId).storeChainFrom(position);
        }, () -> assertBrokenAt(3L, g.get(3), ChainProblem.LINK_NOT_AUTHENTICATED, position));
    }

    @Test
    void a_delete_then_rechain_is_pinpointed_by_the_gap_in_the_case() {
        givenTheCase();
        long position = chainPosition(g.get(4));
        tamper(() -> {
            deleteWithChainRow(g.get(4));
            new Rechain(jdbc, null).caseChain(caseId).storeChainFrom(position);
        }, () -> assertBrokenAt(4L, null, ChainProblem.EVENT_MISSING, position));
    }

    /**
     * The attack the issue found verifying: the case's later events renumbered to close the gap, both chains
     * recomputed. The renumbered event's MAC covers its original sequence number.
     */
    @Test
    void a_delete_renumber_and_rechain_is_not_authenticated_at_the_first_renumbered_event() {
        givenTheCase();
        long position = chainPosition(g.get(4));
        tamper(() -> {
            deleteWithChainRow(g.get(4));
            for (int sequence = 5; sequence <= 7; sequence++) {
                jdbc.update("UPDATE domain_event_entry SET sequence_number = ? WHERE global_index = ?",
                        sequence - 1, g.get(sequence));
                jdbc.update("UPDATE event_chain SET sequence_number = ? WHERE global_index = ?", sequence - 1,
                        g.get(sequence));
            }
            new Rechain(jdbc, null).caseChain(caseId).storeChainFrom(position);
        }, () -> assertBrokenAt(4L, g.get(5), ChainProblem.LINK_NOT_AUTHENTICATED, position));
    }

    private void givenTheCase() {
        if (caseId == null) {
            String id = newId("case");
            g = caseOfEightEvents(id);
            caseId = id;
        }
    }

    /**
     * Changes the store, checks, then puts the store's tail back and checks it is intact again.
     */
    private void tamper(Runnable change, Runnable check) {
        StoreTail tail = tailFrom(g.get(0));
        try {
            inTransaction(change);
            check.run();
        } finally {
            restore(tail);
        }
        assertIntact(caseId);
    }

    private void deleteWithChainRow(long globalIndex) {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);
        jdbc.update("DELETE FROM event_chain WHERE global_index = ?", globalIndex);
    }

    /**
     * Inserts a copy of the case's latest event as its next one, with a plain INSERT; answers its global index.
     */
    private long forgeNextEvent() {
        String eventId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "payload_type, payload_revision, payload, meta_data, time_stamp) SELECT ?, aggregate_identifier, "
                + "8, type, payload_type, payload_revision, payload, meta_data, time_stamp FROM domain_event_entry "
                + "WHERE global_index = ?", eventId, g.get(7));
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }

    /**
     * Both verifications fail and name the same place: the case endpoint by sequence number (and global index when
     * known), the store endpoint by global index, case, sequence number and chain position (null for a link that
     * was never sealed).
     */
    private void assertBrokenAt(Long sequenceNumber, Long globalIndex, ChainProblem problem, Long chainPosition) {
        JsonNode ofCase = caseVerification(caseId);
        assertThat(ofCase.get("verified").asBoolean()).as("case verification %s", ofCase).isFalse();
        assertLink(ofCase.get("firstBrokenLink"), caseId, sequenceNumber, globalIndex, problem);
        assertStoreBrokenAt(sequenceNumber, globalIndex, problem, chainPosition);
    }

    private void assertStoreBrokenAt(Long sequenceNumber, Long globalIndex, ChainProblem problem,
                                     Long chainPosition) {
        JsonNode ofStore = storeVerification();
        assertThat(ofStore.get("verified").asBoolean()).as("store verification %s", ofStore).isFalse();
        JsonNode link = ofStore.get("firstBrokenLink");
        assertLink(link, caseId, sequenceNumber, globalIndex, problem);
        assertNumber(link, "chainPosition", chainPosition);
    }

    static void assertLink(JsonNode link, String caseId, Long sequenceNumber, Long globalIndex,
                           ChainProblem problem) {
        assertThat(link.isObject()).as("first broken link %s", link).isTrue();
        assertThat(link.get("code").asString()).as("code in %s", link).isEqualTo(problem.name());
        assertThat(link.get("problem").asString()).isEqualTo(problem.label());
        assertThat(link.get("caseId").isNull() ? null : link.get("caseId").asString()).as("case in %s", link)
                .isEqualTo(caseId);
        assertNumber(link, "sequenceNumber", sequenceNumber);
        assertNumber(link, "globalIndex", globalIndex);
    }

    static void assertNumber(JsonNode link, String field, Long expected) {
        if (expected == null) {
            assertThat(link.get(field).isNull()).as("%s in %s", field, link).isTrue();
        } else {
            assertThat(link.get(field).asLong()).as("%s in %s", field, link).isEqualTo(expected);
        }
    }
}
