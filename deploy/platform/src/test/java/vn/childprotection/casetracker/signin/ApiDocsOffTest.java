package vn.childprotection.casetracker.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The production switch for the API documentation, {@code casetracker.api-docs.access}, on a running service:
 * {@code off} serves neither the document nor Swagger UI (404, to anyone). The other modes are proven in contexts
 * the suite starts anyway: {@code authenticated} in {@code JwtSignInTest} (401 problem+json without credentials,
 * 200 with a token or HTTP Basic), {@code public} (the local default) in {@code OpenApiDocumentTest} and
 * {@code OpenApiSignInTest} of deploy/local, which read it without credentials.
 */
class ApiDocsOffTest {

    private static final String[] DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/swagger-config",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html"};

    @Test
    void off_answers_404_for_the_document_and_swagger_ui_even_to_a_signed_in_user() {
        try (ConfigurableApplicationContext context = start("off")) {
            ApiClient api = new ApiClient(port(context));
            for (String path : DOCUMENTATION) {
                ApiClient.Response anonymous = api.get(path, null);
                assertThat(anonymous.status()).as(path + " anonymous").isEqualTo(404);
                assertThat(anonymous.isProblem()).as(path + " problem+json").isTrue();
                assertThat(api.get(path, "worker.anlao").status()).as(path + " signed in").isEqualTo(404);
            }
            assertThat(api.get("/actuator/health", null).status()).as("health stays public").isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String access) {
        // Command-line arguments: the switch is read before the context exists, as it is from the environment.
        return new SpringApplicationBuilder(SignInTestApplication.class).run("--server.port=0",
                "--casetracker.database.embedded.ephemeral=true", "--casetracker.api-docs.access=" + access);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
