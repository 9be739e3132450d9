package vn.childprotection.casetracker.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The query side on its own, for a split deployment (port 8082 unless configured otherwise).
 */
@SpringBootApplication
@Import(QuerySideConfiguration.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("server.port", "8082"));
        application.run(args);
    }
}
