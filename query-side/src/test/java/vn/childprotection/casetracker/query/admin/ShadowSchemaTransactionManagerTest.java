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

        assertThat(inside).containsExactly("rebuild_settings_test, public", "force_custom_plan");
        assertThat(commitInside).isEqualTo("off");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
        assertThat(jdbc.queryForObject("SHOW search_path", String.class)).doesNotContain("rebuild_settings_test");
    }
}
