package vn.childprotection.casetracker.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database: PostgreSQL from {@code spring.datasource.url/username/password} when set, otherwise an embedded
 * PostgreSQL whose data lives in {@code casetracker.database.embedded.data-dir} ({@code ./data/postgres}).
 * <p>
 * The {@link DataSource} is declared here, not left to Spring Boot: when Boot builds it, Axon 4.13's JDBC
 * auto-configuration backs off and no event storage engine exists. The embedded server's own JVM shutdown hook is
 * off, so Spring closes it after Axon's processors have stopped; its plain data source is unpooled, so its JDBC URL
 * is wrapped in Hikari. The embedded server writes durably and is watched and started again when it dies
 * ({@link EmbeddedPostgresSupervisor}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public DatabaseServer databaseServer(Environment environment, EmbeddedDatabaseProperties embedded)
            throws IOException {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return DatabaseServer.external(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }
        Path dataDir = embedded.ephemeral()
                ? Files.createTempDirectory("casetracker-pg")
                : Path.of(embedded.dataDir() == null ? "./data/postgres" : embedded.dataDir()).toAbsolutePath()
                        .normalize();
        Files.createDirectories(dataDir);
        EmbeddedPostgresSupervisor postgres = EmbeddedPostgresSupervisor.start(dataDir, embedded);
        log.info("Started embedded PostgreSQL on port {} with data in {} ({})", postgres.port(), dataDir,
                embedded.unsafeFastWrites() ? "UNSAFE fast writes: fsync off" : "durable writes: fsync on");
        return DatabaseServer.embedded(postgres, embedded.ephemeral() ? dataDir : null);
    }

    /**
     * A Hikari pool that fails fast while the database is unreachable: a request waits at most
     * {@code casetracker.database.connection-timeout} (3 s) for a connection, then gets 503 (see
     * {@code DatabaseUnavailableResolver}); dead connections are dropped and new ones made when PostgreSQL is back,
     * embedded or external, without a restart of the service.
     */
    @Bean(destroyMethod = "close")
    public DataSource dataSource(DatabaseServer server, Environment environment) {
        Duration connectionTimeout = environment.getProperty("casetracker.database.connection-timeout",
                Duration.class, Duration.ofSeconds(3));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(environment.getProperty("casetracker.database.pool-size", Integer.class, 20));
        config.setPoolName("casetracker");
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(1000, connectionTimeout.toMillis() / 2));
        // The driver's own limit on opening a connection (seconds), so that an unreachable host fails fast too.
        config.addDataSourceProperty("connectTimeout",
                String.valueOf(Math.max(1, connectionTimeout.toSeconds())));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
