package vn.childprotection.casetracker.command.intake;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.platform.db.DatabaseServer;

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

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    public IdempotencyHmac idempotencyHmac(@Value("${casetracker.idempotency.secret:}") String secret,
                                           @Value("${casetracker.idempotency.secret-file:}") String secretFile,
                                           @Value("${casetracker.database.embedded.data-dir:./data/postgres}")
                                           String embeddedDataDir,
                                           @Value("${casetracker.database.embedded.ephemeral:false}")
                                           boolean ephemeralDatabase, DatabaseServer databaseServer) {
        if (!secret.isEmpty()) {
            return new IdempotencyHmac(secret);
        }
        if (ephemeralDatabase) {
            byte[] material = new byte[32];
            new SecureRandom().nextBytes(material);
            return new IdempotencyHmac(Base64.getEncoder().encodeToString(material));
        }
        if (secretFile.isEmpty() && !databaseServer.isEmbedded()) {
            // Instances sharing one database must hash alike, or a retry reaching another instance opens a second
            // case; a file generated per host (or per container) cannot promise that.
            throw new IllegalStateException("Set casetracker.idempotency.secret (CASETRACKER_IDEMPOTENCY_SECRET, at "
                    + "least 32 characters) or casetracker.idempotency.secret-file: with an external database every "
                    + "instance of the command side must use the same secret.");
        }
        Path file = secretFile.isEmpty() ? defaultSecretFile(embeddedDataDir) : Path.of(secretFile);
        log.info("Idempotency secret from {}", file.toAbsolutePath());
        return new IdempotencyHmac(IdempotencySecretFile.readOrCreate(file));
    }

    /**
     * {@code secrets/idempotency-hmac.key} beside the embedded database's data directory, outside it: with the default
     * {@code ./data/postgres}, {@code ./data/secrets/idempotency-hmac.key}.
     */
    static Path defaultSecretFile(String embeddedDataDir) {
        return Path.of(embeddedDataDir).toAbsolutePath().normalize().getParent().resolve("secrets")
                .resolve("idempotency-hmac.key");
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
