package vn.childprotection.casetracker.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Properties for an application a test starts with {@code SpringApplicationBuilder}, taking precedence over every
 * other source. {@code SpringApplicationBuilder.properties(...)} sets <em>default</em> properties, which the
 * service's own {@code @PropertySource} defaults override: a test asking for a temporary database that way would
 * silently get {@code ./data/postgres}.
 */
public final class TestProperties {

    private TestProperties() {
    }

    /**
     * @param keyValues {@code "key=value"} pairs
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> first(String... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String keyValue : keyValues) {
            int eq = keyValue.indexOf('=');
            map.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
        }
        return context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("test-properties", map));
    }
}
