package vn.childprotection.casetracker.local;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.childprotection.casetracker.command.CommandSideConfiguration;
import vn.childprotection.casetracker.platform.db.EmbeddedDatabaseBackup;
import vn.childprotection.casetracker.query.QuerySideConfiguration;

/**
 * The local all-in-one: command side and query side in one JVM on port 8080. Without
 * {@code SPRING_DATASOURCE_URL} it starts an embedded PostgreSQL whose data lives in {@code ./data/}.
 * <p>
 * Two more commands work on that embedded database without starting the service:
 * {@code backup <target-dir> [data-dir]} takes a consistent backup while the service runs, and
 * {@code restore <backup-dir> <new-data-dir>} puts one into a fresh data directory
 * ({@link EmbeddedDatabaseBackup}).
 */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LocalApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            int status = EmbeddedDatabaseBackup.run(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        SpringApplication application = new SpringApplication(LocalApplication.class);
        application.setDefaultProperties(Map.of("server.port", "8080"));
        application.run(args);
    }
}
