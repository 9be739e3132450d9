package vn.childprotection.casetracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * {@link MultiRowInserts} writes what the rows one by one write (PostgreSQL, row by row in a JDBC batch, is the
 * oracle): same rows, same order of arrival, the same duplicates skipped, the same failures; and it merges only the
 * statements where that holds.
 */
class MultiRowInsertsTest extends QuerySideIntegrationTest {

    private static final String DO_NOTHING = """
            INSERT INTO %s (case_id, sequence_number, kind, recorded_at, details)
            VALUES (?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (case_id, sequence_number) DO NOTHING""";
    private static final String PLAIN = "INSERT INTO %s (case_id, sequence_number, kind, recorded_at, details) "
            + "VALUES (?, ?, ?, ?, ?::jsonb)";

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private DataSource dataSource;

    @Test
    void only_plain_inserts_and_do_nothing_ones_of_one_tuple_of_parameters_are_merged() {
        assertThat(MultiRowInserts.shape(DO_NOTHING.formatted("t")).parameters()).isEqualTo(5);
        assertThat(MultiRowInserts.shape(PLAIN.formatted("t")).parameters()).isEqualTo(5);
        assertThat(MultiRowInserts.shape("insert into t (a) values (?) on conflict do nothing").parameters())
                .isEqualTo(1);
        assertThat(MultiRowInserts.shape(DO_NOTHING.formatted("t")).sql(3)).isEqualTo("""
                INSERT INTO t (case_id, sequence_number, kind, recorded_at, details)
                VALUES (?, ?, ?, ?, ?::jsonb), (?, ?, ?, ?, ?::jsonb), (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""");
        for (String refused : List.of(
                "INSERT INTO t (a, n) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET n = EXCLUDED.n",
                "INSERT INTO t (a, n) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET n = t.n + 1",
                "INSERT INTO t (a) VALUES (?) RETURNING a",
                "INSERT INTO t (a, b) VALUES (?, now())",
                "INSERT INTO t (a, b) VALUES (?, 'x')",
                "INSERT INTO t (a, b) VALUES (?, coalesce(?, 0))",
                "INSERT INTO t (a) VALUES (?), (?)",
                "INSERT INTO t (a) SELECT ?",
                "INSERT INTO t VALUES (?)",
                "UPDATE t SET a = ? WHERE b = ?",
                "DELETE FROM t WHERE a = ANY (?)",
                "INSERT INTO t (a) VALUES (?); DELETE FROM t")) {
            assertThat(MultiRowInserts.shape(refused)).as(refused).isEqualTo(MultiRowInserts.Shape.NONE);
        }
    }

    @Test
    void every_batch_size_writes_the_rows_the_statement_writes_row_by_row() {
        for (int size : List.of(0, 1, 9, 10, 11, 99, 100, 101, 257)) {
            List<Object[]> rows = rows(size);
            Recording recording = new Recording(dataSource);
            List<Map<String, Object>>[] tables = inOneTransaction(() -> {
                createTables();
                jdbc.batchUpdate(DO_NOTHING.formatted("merge_oracle"), rows);
                MultiRowInserts.write(recording, DO_NOTHING.formatted("merge_test"), rows);
                return new List[] {read("merge_oracle"), read("merge_test")};
            });
            assertThat(tables[1]).as("%d rows", size).isEqualTo(tables[0]);
            int chunks = size / MultiRowInserts.CHUNK;
            int small = size % MultiRowInserts.CHUNK / MultiRowInserts.SMALL_CHUNK;
            int single = size % MultiRowInserts.SMALL_CHUNK;
            List<String> expected = new ArrayList<>();
            if (chunks > 0) {
                expected.add(MultiRowInserts.CHUNK + " rows x " + chunks);
            }
            if (small > 0) {
                expected.add(MultiRowInserts.SMALL_CHUNK + " rows x " + small);
            }
            if (single > 0) {
                expected.add("1 rows x " + single);
            }
            assertThat(recording.statements).as("%d rows", size).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void a_duplicate_key_fails_a_plain_insert_merged_as_it_fails_row_by_row() {
        List<Object[]> rows = rows(150);
        rows.add(rows.get(3).clone());
        for (boolean merged : List.of(false, true)) {
            assertThatThrownBy(() -> inOneTransaction(() -> {
                createTables();
                if (merged) {
                    MultiRowInserts.write(jdbc, PLAIN.formatted("merge_test"), rows);
                } else {
                    jdbc.batchUpdate(PLAIN.formatted("merge_test"), rows);
                }
                return null;
            })).as(merged ? "merged" : "row by row").isInstanceOf(DuplicateKeyException.class);
        }
    }

    /**
     * Rows of a few cases: each key twice at places that fall in different chunks (the first one stays), nulls in a
     * timestamp and in a JSON column, text with a quote and a comma.
     */
    private static List<Object[]> rows(int size) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int key = i % Math.max(1, size * 2 / 3);
            OffsetDateTime at = i % 7 == 0 ? null
                    : Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i).atOffset(ZoneOffset.UTC);
            rows.add(new Object[] {"case-" + key % 5, (long) key, "kind 'o', " + i, at,
                    i % 5 == 0 ? null : "{\"n\": " + i + "}"});
        }
        return rows;
    }

    private void createTables() {
        for (String table : List.of("merge_oracle", "merge_test")) {
            jdbc.execute("CREATE TEMPORARY TABLE " + table + " (arrival serial, case_id text NOT NULL,"
                    + " sequence_number bigint NOT NULL, kind text NOT NULL, recorded_at timestamptz, details jsonb,"
                    + " PRIMARY KEY (case_id, sequence_number)) ON COMMIT DROP");
        }
    }

    private List<Map<String, Object>> read(String table) {
        return jdbc.queryForList("SELECT case_id, sequence_number, kind, recorded_at, details::text FROM " + table
                + " ORDER BY arrival");
    }

    private <T> T inOneTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            try {
                return work.get();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    /** Records each batch it runs: rows per statement and statements in the batch. */
    private static final class Recording extends JdbcTemplate {

        final List<String> statements = new ArrayList<>();

        Recording(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            int rows = sql.split("\\(\\?", -1).length - 1; // the tuples: each opens with (?
            statements.add(rows + " rows x " + batchArgs.size());
            return super.batchUpdate(sql, batchArgs);
        }
    }
}
