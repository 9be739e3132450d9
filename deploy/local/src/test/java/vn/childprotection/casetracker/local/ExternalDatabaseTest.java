package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.TestProperties;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * With {@code spring.datasource.*} set the service uses that PostgreSQL and starts none; there the demo users
 * (password equal to the user name) are refused.
 */
class ExternalDatabaseTest {

    static EmbeddedPostgres external;

    @BeforeAll
    static void startExternal() throws IOException {
        external = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternal() throws IOException {
        external.close();
    }

    static SpringApplicationBuilder app(String... properties) {
        String[] all = new String[properties.length + 7];
        all[0] = "server.port=0";
        all[1] = "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres");
        all[2] = "spring.datasource.username=postgres";
        all[3] = "spring.datasource.password=postgres";
        all[4] = "casetracker.idempotency.secret=external-database-test-secret-0123456789";
        all[5] = "casetracker.crypto.kek=test:JbeiTj9ykrxrir+TDoAm5v/+Pwyn/Q/6LDKUaHEWqi0=";
        all[6] = "casetracker.integrity.key=external-database-test-integrity-key-0123456789";
        System.arraycopy(properties, 0, all, 7, properties.length);
        return new SpringApplicationBuilder(LocalApplication.class).initializers(TestProperties.first(all));
    }

    @Test
    void uses_the_configured_postgresql_and_starts_none() throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a-long-secret");
        try (ConfigurableApplicationContext context = app(
                "casetracker.security.users[0].username=lan.worker",
                "casetracker.security.users[0].password-hash=" + hash,
                "casetracker.security.users[0].org-unit=31-xa-an-hung",
                "casetracker.security.users[0].role=COMMUNE_WORKER").run()) {
            assertThat(context.getBean(DatabaseServer.class).isEmbedded()).isFalse();
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            ApiClient api = new ApiClient(port);

            assertThat(api.get("/api/v1/org-units", "worker.xaanlao").status()).as("demo user").isEqualTo(401);
            ApiClient.Response created = api.postWithPassword("/api/v1/cases", "lan.worker", "a-long-secret", json(object(
                    "communeCode", "31-xa-an-hung", "category", "AT_RISK", "channel", "SCHOOL",
                    "child", object("sex", "MALE", "ageYears", 7),
                    "reporter", object("consentToRecordIdentity", false))));
            assertThat(created.status()).isEqualTo(201);
            String caseId = created.json().get("caseId").asString();
            try (Connection connection = external.getPostgresDatabase().getConnection();
                 ResultSet rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + caseId + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void demo_users_are_refused_outside_the_local_default() {
        assertThatThrownBy(() -> app("casetracker.security.demo-users=true").run().close())
                .hasStackTraceContaining("only allowed on the local default");
    }

    @Test
    void store_growth_of_benchmarks_is_refused_outside_the_local_default() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a-long-secret");
        assertThatThrownBy(() -> app("casetracker.bench.store-growth.enabled=true",
                "casetracker.security.users[0].username=lan.coordinator",
                "casetracker.security.users[0].password-hash=" + hash,
                "casetracker.security.users[0].org-unit=31-health-department",
                "casetracker.security.users[0].role=COORDINATOR").run().close())
                .hasStackTraceContaining("for benchmarks on the embedded all-in-one only");
    }

    @Test
    void a_password_equal_to_the_user_name_is_refused_outside_the_local_default() {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("minh");
        assertThatThrownBy(() -> app("casetracker.security.users[0].username=minh",
                "casetracker.security.users[0].password-hash=" + hash,
                "casetracker.security.users[0].org-unit=31-xa-an-hung",
                "casetracker.security.users[0].role=COMMUNE_WORKER").run().close())
                .hasStackTraceContaining("password equal to its user name");
    }

}
