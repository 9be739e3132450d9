package vn.childprotection.casetracker.local;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.childprotection.casetracker.command.CommandSideConfiguration;
import vn.childprotection.casetracker.query.QuerySideConfiguration;

/**
 * The local all-in-one: command side and query side in one JVM on port 8080. Without
 * {@code SPRING_DATASOURCE_URL} it starts an embedded PostgreSQL whose data lives in {@code ./data/}.
 */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class LocalApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LocalApplication.class);
        application.setDefaultProperties(Map.of("server.port", "8080"));
        application.run(args);
    }
}
