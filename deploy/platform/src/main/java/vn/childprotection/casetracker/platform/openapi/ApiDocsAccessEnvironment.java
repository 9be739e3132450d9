package vn.childprotection.casetracker.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code casetracker.api-docs.access} into what the libraries read, before any bean is made: the resolved
 * mode itself (so {@code SecurityConfiguration} reads one value, also when the property was left to its default),
 * and, for {@link ApiDocsAccess#OFF}, springdoc's own switches {@code springdoc.api-docs.enabled=false} and
 * {@code springdoc.swagger-ui.enabled=false}, taking precedence over any other source: off means off.
 * Registered in {@code META-INF/spring.factories}, so every process that carries the platform honours it.
 */
public class ApiDocsAccessEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "casetracker-api-docs-access";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ApiDocsAccess access = ApiDocsAccess.of(environment);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ApiDocsAccess.PROPERTY, access.name());
        if (access == ApiDocsAccess.OFF) {
            properties.put("springdoc.api-docs.enabled", "false");
            properties.put("springdoc.swagger-ui.enabled", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
    }
}
