package vn.childprotection.casetracker.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which mode {@code casetracker.api-docs.access} resolves to, and what it tells springdoc.
 */
class ApiDocsAccessTest {

    @Test
    void without_the_property_the_embedded_default_is_public_and_an_external_database_authenticated() {
        assertThat(ApiDocsAccess.of(new MockEnvironment())).isEqualTo(ApiDocsAccess.PUBLIC);
        assertThat(ApiDocsAccess.of(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/cases")))
                .isEqualTo(ApiDocsAccess.AUTHENTICATED);
    }

    @Test
    void a_value_set_wins_over_the_default_in_any_case() {
        assertThat(ApiDocsAccess.of(new MockEnvironment().withProperty(ApiDocsAccess.PROPERTY, "Public")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/cases")))
                .isEqualTo(ApiDocsAccess.PUBLIC);
        assertThat(ApiDocsAccess.of(new MockEnvironment().withProperty(ApiDocsAccess.PROPERTY, "off")))
                .isEqualTo(ApiDocsAccess.OFF);
    }

    @Test
    void an_unknown_value_is_refused_naming_the_property() {
        assertThatThrownBy(() -> ApiDocsAccess.of(new MockEnvironment().withProperty(ApiDocsAccess.PROPERTY,
                "private"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("casetracker.api-docs.access must be public, authenticated or off, not 'private'");
    }

    @Test
    void off_switches_springdocs_document_and_ui_off_over_any_other_source() {
        MockEnvironment environment = new MockEnvironment().withProperty(ApiDocsAccess.PROPERTY, "off")
                .withProperty("springdoc.api-docs.enabled", "true");

        new ApiDocsAccessEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @Test
    void the_resolved_default_is_published_and_springdoc_left_alone_when_not_off() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/cases");

        new ApiDocsAccessEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ApiDocsAccess.PROPERTY)).isEqualTo("AUTHENTICATED");
        assertThat(environment.getProperty("springdoc.api-docs.enabled")).isNull();
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isNull();
    }
}
