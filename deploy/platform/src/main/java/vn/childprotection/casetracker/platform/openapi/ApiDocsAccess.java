package vn.childprotection.casetracker.platform.openapi;

import java.util.Locale;
import org.springframework.core.env.PropertyResolver;

/**
 * Who may read the API documentation (the OpenAPI document at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}), set by {@code casetracker.api-docs.access}:
 * <ul>
 *     <li>{@link #PUBLIC}: anyone, without signing in;</li>
 *     <li>{@link #AUTHENTICATED}: any signed-in user (HTTP Basic, or a bearer token where JWT sign-in is on);
 *     without credentials 401 {@code application/problem+json};</li>
 *     <li>{@link #OFF}: neither is served (404): springdoc's {@code springdoc.api-docs.enabled} and
 *     {@code springdoc.swagger-ui.enabled} are set to {@code false}.</li>
 * </ul>
 * When the property is not set, the local default (embedded PostgreSQL, no {@code spring.datasource.url}) is
 * {@link #PUBLIC} and a deployment on an external database is {@link #AUTHENTICATED}: the document names no case,
 * but it tells anyone who can reach the port what the service accepts.
 */
public enum ApiDocsAccess {
    PUBLIC, AUTHENTICATED, OFF;

    /**
     * The property that chooses the mode; values {@code public}, {@code authenticated}, {@code off} (any case).
     */
    public static final String PROPERTY = "casetracker.api-docs.access";

    /**
     * @param environment the process's properties, read for {@value #PROPERTY} and {@code spring.datasource.url}
     * @return the mode set, or the default for this deployment when none is set
     * @throws IllegalArgumentException when the property holds anything but the three values
     */
    public static ApiDocsAccess of(PropertyResolver environment) {
        String value = environment.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            String url = environment.getProperty("spring.datasource.url");
            return url == null || url.isBlank() ? PUBLIC : AUTHENTICATED;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be public, authenticated or off, not '" + value
                    + "'", e);
        }
    }
}
