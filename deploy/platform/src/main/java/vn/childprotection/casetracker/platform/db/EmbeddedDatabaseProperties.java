package vn.childprotection.casetracker.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir   where its data lives; kept across restarts
 * @param ephemeral when true (tests), a fresh temporary directory is used and deleted on close
 */
@ConfigurationProperties("casetracker.database.embedded")
public record EmbeddedDatabaseProperties(String dataDir, boolean ephemeral) {
}
