package vn.childprotection.casetracker.platform.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDir          where its data lives; kept across restarts
 * @param ephemeral        when true (tests), a fresh temporary directory is used and deleted on close; as its data is
 *                         thrown away anyway, it also runs with the settings of {@code unsafeFastWrites}
 * @param unsafeFastWrites when true, PostgreSQL runs with {@code fsync}, {@code synchronous_commit} and
 *                         {@code full_page_writes} off: writes are several times faster, and a crash of the machine
 *                         (or of PostgreSQL, for {@code synchronous_commit}) loses writes already answered 2xx or
 *                         corrupts the data directory. Off by default; only for throw-away data (benchmarks, demos)
 * @param startupWait      how long a start may take, crash recovery included (after an unclean stop PostgreSQL
 *                         first replays its write-ahead log, which on a slow disk can take minutes); 10 minutes by
 *                         default
 * @param stopTimeout      how long a clean shutdown of PostgreSQL (or of one left running by an earlier run) may
 *                         take before it is killed, its crash recovery then running at the next start; 60 s
 */
@ConfigurationProperties("casetracker.database.embedded")
public record EmbeddedDatabaseProperties(String dataDir, boolean ephemeral, boolean unsafeFastWrites,
                                         @DefaultValue("10m") Duration startupWait,
                                         @DefaultValue("60s") Duration stopTimeout) {

    /**
     * The defaults: data in {@code ./data/postgres}, durable writes.
     */
    public static EmbeddedDatabaseProperties defaults(String dataDir) {
        return new EmbeddedDatabaseProperties(dataDir, false, false, Duration.ofMinutes(10), Duration.ofSeconds(60));
    }
}
