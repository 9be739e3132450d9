package vn.childprotection.casetracker.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.ChainAnchor;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.access.AccessLog;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.Purpose;

/**
 * The access log as evidence (issue 13, Must show 4): each row authenticated in its read's transaction, linked into
 * a chain after commit, and a row deleted, changed or slipped in by someone who turned the triggers off is named by
 * the verification endpoint. Each test that tampers puts the log back as it was before it ends.
 */
class AccessLogChainTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-04-21T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String VERIFICATION = "/api/v1/integrity/access-log/verification";

    /** One case for the tests that only need reads of some case: each takes the entries logged after its start. */
    private static String sharedCase;

    @Autowired
    private AccessLogSealer sealer;

    @Autowired
    private AccessLog accessLog;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private AnchorWitness witness;

    @Test
    void an_untouched_log_verifies_and_its_head_is_anchored_outside_the_database() {
        List<Long> entries = readsOfACase(3);
        awaitLinked(entries);

        JsonNode report = verification();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstBreak").isNull()).isTrue();
        long linked = jdbc.queryForObject("SELECT count(*) FROM access_log_chain WHERE chain_position IS NOT NULL",
                Long.class);
        assertThat(report.get("linksVerified").asLong()).isGreaterThanOrEqualTo(linked);
        assertThat(report.get("headPosition").asLong()).isGreaterThanOrEqualTo(linked);
        assertThat(report.get("sealInterval").asString()).isEqualTo("PT1S");
        JsonNode anchoring = report.get("anchoring");
        assertThat(anchoring.get("witness").asString()).endsWith("anchors.log");
        assertThat(anchoring.get("everyEntries").asLong()).isEqualTo(1000);
        assertThat(anchoring.get("interval").asString()).isEqualTo("PT10M");
        await().atMost(PATIENCE).until(() -> verification().get("anchoring").get("anchorsChecked").asInt() >= 1);

        for (String notAllowed : List.of("worker.anlao", "dashboard", "health")) {
            assertThat(getAs(notAllowed, VERIFICATION).statusCode()).as(notAllowed).isEqualTo(403);
        }
        assertThat(getWithoutSignIn(VERIFICATION).statusCode()).isEqualTo(401);
    }

    @Test
    void a_row_deleted_with_triggers_off_is_detected_and_named() {
        List<Long> entries = readsOfACase(3);
        awaitLinked(entries);
        long victim = entries.get(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM access_log WHERE entry_id = ?", victim);
        long position = positionOf(victim);

        asSuperuserWithTriggersOff("DELETE FROM access_log WHERE entry_id = ?", victim);
        try {
            JsonNode firstBreak = firstBreak();
            assertThat(firstBreak.get("code").asString()).isEqualTo("ROW_DELETED");
            assertThat(firstBreak.get("entryId").asLong()).isEqualTo(victim);
            assertThat(firstBreak.get("chainPosition").asLong()).isEqualTo(position);
            assertThat(verification().get("linksVerified").asLong()).isEqualTo(position - 1);
        } finally {
            restore(row);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_row_edited_with_triggers_off_is_detected_and_named() {
        List<Long> entries = readsOfACase(2);
        awaitLinked(entries);
        long victim = entries.get(0);

        asSuperuserWithTriggersOff("UPDATE access_log SET user_id = 'chair.anlao' WHERE entry_id = ?", victim);
        try {
            JsonNode firstBreak = firstBreak();
            assertThat(firstBreak.get("code").asString()).isEqualTo("ROW_CHANGED");
            assertThat(firstBreak.get("entryId").asLong()).isEqualTo(victim);
            assertThat(firstBreak.get("chainPosition").asLong()).isEqualTo(positionOf(victim));
        } finally {
            asSuperuserWithTriggersOff("UPDATE access_log SET user_id = 'worker.anlao' WHERE entry_id = ?", victim);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deleting_the_newest_entry_with_its_chain_row_is_detected_by_the_latest_anchor() {
        awaitLinked(readsOfACase(2));
        // Past the anchoring interval: the next turn anchors the head.
        Instant latest = witness.anchors(ChainAnchor.ACCESS_LOG).stream().map(ChainAnchor::anchoredAt)
                .max(Instant::compareTo).orElse(NOW);
        moveClockTo((latest.isAfter(NOW) ? latest : NOW).plus(Duration.ofMinutes(11)));
        Map<String, Object> head = jdbc.queryForMap("SELECT * FROM access_log_chain WHERE chain_position = "
                + "(SELECT max(chain_position) FROM access_log_chain)");
        long headPosition = ((Number) head.get("chain_position")).longValue();
        await().atMost(PATIENCE).until(() -> {
            sealer.sealNow();
            return witness.anchors(ChainAnchor.ACCESS_LOG).stream().anyMatch(a -> a.position() == headPosition);
        });
        Object entryId = head.get("entry_id");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM access_log WHERE entry_id = ?", entryId);

        asSuperuserWithTriggersOff("DELETE FROM access_log_chain WHERE entry_id = ?", entryId);
        asSuperuserWithTriggersOff("DELETE FROM access_log WHERE entry_id = ?", entryId);
        try {
            JsonNode firstBreak = firstBreak();
            assertThat(firstBreak.get("code").asString()).isEqualTo("CHAIN_SHORTER_THAN_ANCHOR");
            assertThat(firstBreak.get("chainPosition").asLong()).isEqualTo(headPosition);
        } finally {
            asSuperuserWithTriggersOff("INSERT INTO access_log_chain (entry_id, row_mac, chain_position, prev_hash, "
                    + "hash, link_mac) VALUES (?, ?, ?, ?, ?, ?)", entryId, head.get("row_mac"), headPosition,
                    head.get("prev_hash"), head.get("hash"), head.get("link_mac"));
            restore(row);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_forged_row_is_detected_and_never_linked() {
        awaitLinked(readsOfACase(1));
        String forgedCase = newId("case");
        String insert = "INSERT INTO access_log (accessed_at, user_id, org_unit, role, case_id, resource, purpose)"
                + " VALUES (now(), 'worker.anlao', '313-tt-an-lao', 'COMMUNE_WORKER', ?, 'CASE_FILE', 'CASE_WORK')"
                + " RETURNING entry_id";
        long withoutMac = jdbc.queryForObject(insert, Long.class, forgedCase);
        try {
            JsonNode firstBreak = firstBreak();
            assertThat(firstBreak.get("code").asString()).isEqualTo("UNAUTHENTICATED_ROW");
            assertThat(firstBreak.get("entryId").asLong()).isEqualTo(withoutMac);
            assertThat(firstBreak.get("chainPosition").isNull()).isTrue();

            // A chain row with a made-up MAC next to it: the sealer refuses to link it, verification names it.
            long withWrongMac = jdbc.queryForObject(insert, Long.class, forgedCase);
            jdbc.update("INSERT INTO access_log_chain (entry_id, row_mac) VALUES (?, ?)", withWrongMac,
                    new byte[32]);
            sealer.sealNow();
            assertThat(positionOrNull(withWrongMac)).isNull();
            JsonNode wrongMac = firstBreak();
            assertThat(wrongMac.get("code").asString()).isEqualTo("ROW_CHANGED");
            assertThat(wrongMac.get("entryId").asLong()).isEqualTo(withWrongMac);
        } finally {
            asSuperuserWithTriggersOff("DELETE FROM access_log_chain WHERE entry_id IN "
                    + "(SELECT entry_id FROM access_log WHERE case_id = ?)", forgedCase);
            asSuperuserWithTriggersOff("DELETE FROM access_log WHERE case_id = ?", forgedCase);
        }
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    void the_chain_is_append_only_except_for_linking_once() {
        List<Long> entries = readsOfACase(1);
        awaitLinked(entries);
        long entry = entries.get(0);
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log_chain SET row_mac = ? WHERE entry_id = ?",
                new byte[32], entry)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log_chain SET chain_position = chain_position + 1000000"
                + " WHERE entry_id = ?", entry)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log_chain WHERE entry_id = ?", entry))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE access_log_chain"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void a_row_committed_late_with_a_lower_entry_id_is_linked_at_the_next_turn() throws Exception {
        readsOfACase(0);
        String caseId = sharedCase;
        long before = lastEntry();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService late = Executors.newSingleThreadExecutor();
        try {
            Future<?> lateRead = late.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                accessLog.record(WORKER, caseId, AccessedResource.CASE_HISTORY, Purpose.CASE_WORK, null);
                written.countDown();
                awaitQuietly(commit);
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(getAs("health", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
            long early = entriesOf(caseId, before).get(0);
            awaitLinked(List.of(early));

            commit.countDown();
            lateRead.get(30, TimeUnit.SECONDS);
            List<Long> entries = entriesOf(caseId, before);
            assertThat(entries).hasSize(2);
            long lower = entries.get(0);
            assertThat(lower).isLessThan(early);
            awaitLinked(entries);
            assertThat(positionOf(lower)).isGreaterThan(positionOf(early));
            assertThat(verification().get("intact").asBoolean()).isTrue();
        } finally {
            commit.countDown();
            late.shutdownNow();
        }
    }

    @Test
    void concurrent_reads_from_8_threads_are_all_logged_and_chained_without_gaps() throws Exception {
        readsOfACase(1);
        String caseId = sharedCase;
        long before = lastEntry();
        int threads = 8;
        int readsEach = 3;
        ExecutorService readers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < threads * readsEach; i++) {
                statuses.add(readers.submit(() -> getAs("worker.anlao", "/api/v1/cases/" + caseId).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            readers.shutdownNow();
        }
        List<Long> entries = entriesOf(caseId, before);
        assertThat(entries).hasSize(threads * readsEach);
        awaitLinked(entries);

        Map<String, Object> positions = jdbc.queryForMap("SELECT min(chain_position) AS first, "
                + "max(chain_position) AS last, count(chain_position) AS linked FROM access_log_chain");
        assertThat(((Number) positions.get("first")).longValue()).isEqualTo(1);
        assertThat(((Number) positions.get("last")).longValue())
                .isEqualTo(((Number) positions.get("linked")).longValue());
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    private String caseOfAnLao() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), COMMUNE, T0);
        awaitCaseFile(caseId, 8);
        return caseId;
    }

    /** The class's case, read {@code count} times by its worker; the entry ids of those reads, in order. */
    private List<Long> readsOfACase(int count) {
        if (sharedCase == null) {
            sharedCase = caseOfAnLao();
        }
        long before = lastEntry();
        for (int i = 0; i < count; i++) {
            assertThat(getAs("worker.anlao", "/api/v1/cases/" + sharedCase).statusCode()).isEqualTo(200);
        }
        List<Long> entries = entriesOf(sharedCase, before);
        assertThat(entries).hasSize(count);
        return entries;
    }

    private long lastEntry() {
        return jdbc.queryForObject("SELECT COALESCE(max(entry_id), 0) FROM access_log", Long.class);
    }

    private List<Long> entriesOf(String caseId, long after) {
        return jdbc.queryForList("SELECT entry_id FROM access_log WHERE case_id = ? AND user_id <> ?"
                + " AND entry_id > ? ORDER BY entry_id", Long.class, caseId, READER, after);
    }

    /** Waits until the sealer (the scheduled one, or a turn taken here) has linked these entries. */
    private void awaitLinked(List<Long> entries) {
        await().atMost(PATIENCE).until(() -> {
            sealer.sealNow();
            return entries.stream().allMatch(entry -> positionOrNull(entry) != null);
        });
    }

    private Long positionOrNull(long entryId) {
        return jdbc.queryForObject("SELECT chain_position FROM access_log_chain WHERE entry_id = ?", Long.class,
                entryId);
    }

    private long positionOf(long entryId) {
        Long position = positionOrNull(entryId);
        assertThat(position).as("chain position of entry %d", entryId).isNotNull();
        return position;
    }

    private JsonNode verification() {
        HttpResponse<String> response = getAs("auditor", VERIFICATION);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private JsonNode firstBreak() {
        JsonNode report = verification();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        return report.get("firstBreak");
    }

    /** Puts a deleted access_log row back as it was, entry id included. */
    private void restore(Map<String, Object> row) {
        asSuperuserWithTriggersOff("INSERT INTO access_log (entry_id, accessed_at, user_id, org_unit, role, case_id, "
                + "resource, purpose, grant_id) OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("entry_id"), row.get("accessed_at"), row.get("user_id"), row.get("org_unit"),
                row.get("role"), row.get("case_id"), row.get("resource"), row.get("purpose"), row.get("grant_id"));
    }

    /** What a superuser can do: turn every trigger off for one transaction, then write. */
    private void asSuperuserWithTriggersOff(String sql, Object... arguments) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update(sql, arguments);
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
