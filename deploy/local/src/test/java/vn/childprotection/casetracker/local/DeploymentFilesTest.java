package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files users copy are well-formed and say what the service really does.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_compose_file_runs_postgres_and_both_sides() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "command-side", "query-side");
        assertThat(services.get("command-side").toString()).contains("SPRING_DATASOURCE_URL", "8081:8081");
        assertThat(services.get("query-side").toString()).contains("SPRING_DATASOURCE_URL", "8082:8082");
    }

    @Test
    void the_kubernetes_file_has_a_deployment_and_a_service_per_side() throws IOException {
        List<String> kinds = yaml(DEPLOY.resolve("kubernetes/case-tracker.yaml")).stream()
                .map(d -> d.get("kind") + "/" + ((Map<?, ?>) d.get("metadata")).get("name")).toList();
        assertThat(kinds).containsExactlyInAnyOrder("Deployment/case-tracker-command", "Deployment/case-tracker-query",
                "Service/case-tracker-command", "Service/case-tracker-query");
    }

    @Test
    void the_time_limits_file_carries_the_defaults_the_service_uses() throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(DEPLOY.resolve("config/time-limits.properties"),
                StandardCharsets.UTF_8)) {
            file.load(in);
        }
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/casetracker-command.properties")) {
            defaults.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(file.stringPropertyNames()).contains("casetracker.deadlines.emergency-measures",
                "casetracker.deadlines.plan-drafting-working-days", "casetracker.deadlines.plan-approval-working-days",
                "casetracker.deadlines.review-interval", "casetracker.procedure.max-removal-days");
        for (String key : file.stringPropertyNames()) {
            assertThat(file.getProperty(key)).as(key).isEqualTo(defaults.getProperty(key));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path path) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            new Yaml().loadAll(in).forEach(d -> documents.add((Map<String, Object>) d));
        }
        return documents;
    }
}
