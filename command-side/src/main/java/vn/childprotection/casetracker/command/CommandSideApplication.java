package vn.childprotection.casetracker.command;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The command side alone, on port 8081, for a split deployment sharing one PostgreSQL with the query side.
 */
@SpringBootApplication
@Import(CommandSideConfiguration.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(Map.of("server.port", "8081"));
        application.run(args);
    }
}
