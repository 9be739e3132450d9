package vn.childprotection.casetracker.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * is wrapped in Hikari.
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
                : Path.of(embedded.dataDir() == null ? "./data/postgres" : embedded.dataDir()).toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(embedded.ephemeral())
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .start();
        log.info("Started embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
        return DatabaseServer.embedded(postgres, embedded.ephemeral() ? dataDir : null);
    }

    @Bean(destroyMethod = "close")
    public DataSource dataSource(DatabaseServer server, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(environment.getProperty("casetracker.database.pool-size", Integer.class, 20));
        config.setPoolName("casetracker");
        return new HikariDataSource(config);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
