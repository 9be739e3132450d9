package vn.childprotection.casetracker.command.intake;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.platform.secrets.ServiceSecrets;

/**
 * The idempotency records of {@code POST /api/v1/cases}: their keyed hash and their retention.
 * <ul>
 *     <li>{@code casetracker.idempotency.secret}: the HMAC secret, at least 32 characters; in production from the
 *     environment ({@code CASETRACKER_IDEMPOTENCY_SECRET}). When unset, the secret is read from
 *     {@code casetracker.idempotency.secret-file} (by default {@code secrets/idempotency-hmac.key} beside the embedded
 *     database's data directory: {@code ./data/secrets/idempotency-hmac.key}), generated there on first start;
 *     with a temporary database ({@code casetracker.database.embedded.ephemeral=true}) a random secret lives as long
 *     as the process, as the records do. With an external database one of the two must be set, or the service
 *     refuses to start: every instance sharing the database must hash with the same secret.</li>
 *     <li>{@code casetracker.idempotency.retention}: how long a record is kept (ISO-8601, {@code P7D}).</li>
 *     <li>{@code casetracker.idempotency.cleanup-interval}: how often the recurring db-scheduler task deletes
 *     expired records ({@code PT1H}); one instance of a cluster runs it at a time.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    public IdempotencyHmac idempotencyHmac(@Value("${casetracker.idempotency.secret:}") String secret,
                                           @Value("${casetracker.idempotency.secret-file:}") String secretFile,
                                           ServiceSecrets secrets) {
        return new IdempotencyHmac(secrets.resolve("idempotency secret", secret, "casetracker.idempotency.secret",
                secretFile, "casetracker.idempotency.secret-file", "idempotency-hmac.key"));
    }

    @Bean
    public IdempotencyRetention idempotencyRetention(JdbcTemplate jdbc,
                                                     @Value("${casetracker.idempotency.retention}") Duration retention) {
        return new IdempotencyRetention(jdbc, retention);
    }

    @Bean
    public RecurringTask<Void> idempotencyRetentionTask(IdempotencyRetention retention,
                                                        @Value("${casetracker.idempotency.cleanup-interval}")
                                                        Duration interval) {
        return Tasks.recurring("idempotency-retention", FixedDelay.of(interval))
                .execute((instance, context) -> retention.deleteExpired());
    }
}
