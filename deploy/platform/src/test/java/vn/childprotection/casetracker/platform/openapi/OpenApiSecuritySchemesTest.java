package vn.childprotection.casetracker.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sign-in schemes as the OpenAPI document declares them, and which operations require them.
 */
class OpenApiSecuritySchemesTest {

    @Test
    void basic_and_bearer_jwt_are_declared_as_http_schemes() {
        OpenAPI openApi = new OpenAPI();

        new OpenApiSecuritySchemes().customise(openApi);

        SecurityScheme basic = openApi.getComponents().getSecuritySchemes().get("basicAuth");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearerAuth");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
    }

    @Test
    void every_operation_needs_basic_or_bearer_except_on_the_paths_anyone_may_reach() {
        Operation report = new Operation();
        Operation read = new Operation();
        Operation health = new Operation();
        OpenAPI openApi = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/cases", new PathItem().post(report))
                .addPathItem("/api/v1/cases/{caseId}", new PathItem().get(read))
                .addPathItem("/actuator/health", new PathItem().get(health)));

        new OpenApiSecuritySchemes().customise(openApi);

        List<SecurityRequirement> either = List.of(new SecurityRequirement().addList("basicAuth"),
                new SecurityRequirement().addList("bearerAuth"));
        assertThat(report.getSecurity()).isEqualTo(either);
        assertThat(read.getSecurity()).isEqualTo(either);
        assertThat(health.getSecurity()).as("public").isNull();
    }
}
