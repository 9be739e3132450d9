package vn.childprotection.casetracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * {@link CaseRows#writeChangedRows} leaves a case's rows exactly as the batch left the case, and touches no row that
 * did not change: every combination of three row keys, each absent or holding one of two values before and after the
 * batch (3^3 × 3^3 = 729 cases, plus cases that had no value at all), written by one batch of a real unit of work
 * into PostgreSQL.
 */
class CaseRowsWriteChangedRowsTest extends QuerySideIntegrationTest {

    private static final List<String> KEYS = List.of("a", "b", "c");
    /** Per key: absent, or one of two labels. */
    private static final List<String> STATES = Arrays.asList(null, "first", "second");

    @Autowired
    private PlatformTransactionManager transactions;

    /** One folded case: its rows by key (key to label). */
    record Folded(Map<String, String> rows) {
        Collection<Row> list() {
            return rows.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
        }
    }

    record Row(String key, String label) {
    }

    @Test
    void every_case_ends_as_folded_and_unchanged_rows_are_not_written_again() {
        Map<String, Map<String, String>> before = new TreeMap<>();
        Map<String, Map<String, String>> after = new TreeMap<>();
        int n = 0;
        for (int b = 0; b < 27; b++) {
            for (int a = 0; a < 27; a++) {
                String caseId = "rows-" + n++;
                before.put(caseId, rowsOf(b));
                after.put(caseId, rowsOf(a));
            }
        }
        // Cases with no value as loaded (never stored), ending with rows or none.
        for (int a = 0; a < 27; a++) {
            after.put("new-" + a, rowsOf(a));
        }

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE case_rows_test (case_id text NOT NULL, row_key text NOT NULL,"
                    + " label text NOT NULL, PRIMARY KEY (case_id, row_key)) ON COMMIT DROP");
            before.forEach((caseId, rows) -> rows.forEach((key, label) -> jdbc.update(
                    "INSERT INTO case_rows_test (case_id, row_key, label) VALUES (?, ?, ?)", caseId, key, label)));
            Map<String, String> placesBefore = places();

            List<EventMessage<?>> events = new ArrayList<>();
            after.keySet().forEach(caseId -> events.add(new GenericDomainEventMessage<>("Case", caseId, 0, "x")));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
            unitOfWork.start();
            CaseFolds<Folded> cases = CaseFolds.of(this, jdbc, (template, ids, found) -> {
                Map<String, Map<String, String>> stored = new HashMap<>();
                template.query("SELECT case_id, row_key, label FROM case_rows_test WHERE case_id = ANY (?)",
                        rs -> {
                            stored.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                    .put(rs.getString(2), rs.getString(3));
                        }, ids);
                // A case stored with no rows has a value too: every case of `before` was stored.
                for (Object id : (Object[]) ids.getArray()) {
                    if (before.containsKey((String) id)) {
                        found.accept((String) id, new Folded(stored.getOrDefault((String) id, Map.of())));
                    }
                }
            }, (batch, changed, asLoaded) -> CaseRows.writeChangedRows(batch, "case_rows_test", "row_key",
                    "INSERT INTO case_rows_test (case_id, row_key, label) VALUES (?, ?, ?)", changed, asLoaded,
                    Folded::list, Row::key, (caseId, row) -> new Object[] {caseId, row.key(), row.label()}));
            after.forEach((caseId, rows) -> {
                cases.replace(caseId, new Folded(rows));
                ProjectionBatch.eventHandled(this);
            });
            unitOfWork.commit();

            Map<String, Map<String, String>> stored = new TreeMap<>();
            jdbc.query("SELECT case_id, row_key, label FROM case_rows_test", rs -> {
                stored.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            });
            Map<String, Map<String, String>> expected = new TreeMap<>();
            after.forEach((caseId, rows) -> {
                if (!rows.isEmpty()) {
                    expected.put(caseId, rows);
                }
            });
            assertThat(stored).isEqualTo(expected);

            Map<String, String> placesAfter = places();
            int unchanged = 0;
            for (Map.Entry<String, String> place : placesBefore.entrySet()) {
                String[] caseAndKey = place.getKey().split("/");
                String was = before.get(caseAndKey[0]).get(caseAndKey[1]);
                if (was.equals(after.get(caseAndKey[0]).get(caseAndKey[1]))) {
                    unchanged++;
                    assertThat(placesAfter.get(place.getKey())).as("row %s, unchanged", place.getKey())
                            .isEqualTo(place.getValue());
                }
            }
            // 729 pairs × 3 keys, a key holding the same label before and after in 2 of its 9 combinations.
            assertThat(unchanged).isEqualTo(27 * 27 * 3 * 2 / 9);
            status.setRollbackOnly();
        });
    }

    /** Each row's physical place ({@code ctid}) by "case/key": a row written again gets a new one. */
    private Map<String, String> places() {
        Map<String, String> places = new HashMap<>();
        jdbc.query("SELECT case_id, row_key, ctid::text FROM case_rows_test", rs -> {
            places.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
        return places;
    }

    /** The rows of combination {@code code} (0–26): each key absent or one of two labels, by base-3 digit. */
    private static Map<String, String> rowsOf(int code) {
        Map<String, String> rows = new TreeMap<>();
        int rest = code;
        for (String key : KEYS) {
            String label = STATES.get(rest % 3);
            rest /= 3;
            if (label != null) {
                rows.put(key, label + "-" + key);
            }
        }
        return rows;
    }
}
