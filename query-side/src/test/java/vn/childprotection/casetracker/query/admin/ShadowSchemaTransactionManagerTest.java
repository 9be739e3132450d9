package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * A rebuild's transaction reads and writes its shadow schema first, and plans every statement anew (a generic plan
 * made while a shadow table was empty would scan it whole for each batch), and commits without waiting for the WAL
 * flush (nothing it writes is seen before the durable switch-in); all three settings end with the transaction.
 */
class ShadowSchemaTransactionManagerTest extends QuerySideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void a_rebuild_transaction_uses_its_shadow_schema_custom_plans_and_no_flush_wait_and_only_it() {
        ShadowSchemaTransactionManager shadow = new ShadowSchemaTransactionManager(transactions, dataSource,
                "rebuild_settings_test");

        List<String> inside = shadow.fetchInTransaction(() -> List.of(
                jdbc.queryForObject("SHOW search_path", String.class),
                jdbc.queryForObject("SHOW plan_cache_mode", String.class)));
        // The test database may run without synchronous commits altogether: turned on for the enclosing transaction
        // first, which the rebuild's transaction joins.
        String commitInside = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = on");
            return shadow.fetchInTransaction(() -> jdbc.queryForObject("SHOW synchronous_commit", String.class));
        });

        ShadowSchemaTransactionManager bulk = ShadowSchemaTransactionManager.waitingForFlush(transactions,
                dataSource, "rebuild_settings_test");
        List<String> bulkInside = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = on");
            return bulk.fetchInTransaction(() -> List.of(jdbc.queryForObject("SHOW search_path", String.class),
                    jdbc.queryForObject("SHOW enable_seqscan", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class)));
        });

        assertThat(inside).containsExactly("rebuild_settings_test, public", "force_custom_plan");
        assertThat(commitInside).isEqualTo("off");
        // A bulk replay's commits keep waiting for the flush (its position is not committed with its rows).
        assertThat(bulkInside).containsExactly("rebuild_settings_test, public", "off", "on");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
        assertThat(jdbc.queryForObject("SHOW search_path", String.class)).doesNotContain("rebuild_settings_test");
    }

    /**
     * A load of a batch's cases from a table that has no statistics yet (as a shadow table during its rebuild):
     * outside a rebuild's transaction PostgreSQL guesses a share of the table and scans it whole; inside, it reads
     * the primary key's index and starts no parallel workers.
     */
    @Test
    void a_rebuild_transaction_loads_cases_through_the_index_of_a_table_without_statistics() {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS rebuild_plan_test");
        jdbc.execute("DROP TABLE IF EXISTS rebuild_plan_test.case_rows");
        jdbc.execute("CREATE TABLE rebuild_plan_test.case_rows (case_id text, row_key text, label text,"
                + " PRIMARY KEY (case_id, row_key)) WITH (autovacuum_enabled = false)");
        try {
            jdbc.update("INSERT INTO rebuild_plan_test.case_rows SELECT 'case-' || (g / 3), 'row-' || (g % 3), "
                    + "repeat('x', 40) FROM generate_series(1, 150000) g");
            StringBuilder ids = new StringBuilder("{");
            for (int i = 0; i < 200; i++) {
                ids.append(i == 0 ? "" : ",").append("case-").append(i * 211);
            }
            String load = "EXPLAIN (FORMAT JSON) SELECT case_id, row_key, label FROM case_rows WHERE case_id = ANY ('"
                    + ids.append('}') + "'::text[]) ORDER BY case_id, label";
            ShadowSchemaTransactionManager shadow = new ShadowSchemaTransactionManager(transactions, dataSource,
                    "rebuild_plan_test");

            String inRebuild = shadow.fetchInTransaction(() -> jdbc.queryForObject(load, String.class));
            String elsewhere = new TransactionTemplate(transactions).execute(status -> {
                jdbc.execute("SET LOCAL search_path TO rebuild_plan_test, public");
                return jdbc.queryForObject(load, String.class);
            });

            assertThat(elsewhere).as("the planner's guess without statistics").contains("Seq Scan");
            assertThat(inRebuild).contains("case_rows_pkey").doesNotContain("Seq Scan").doesNotContain("Gather");
        } finally {
            jdbc.execute("DROP SCHEMA rebuild_plan_test CASCADE");
        }
    }
}
