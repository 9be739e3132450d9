package vn.childprotection.casetracker.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The production switch for the API documentation, {@code casetracker.api-docs.access}, on a running service:
 * {@code off} serves neither the document nor Swagger UI (404, to anyone), {@code authenticated} asks for sign-in
 * (401 problem+json without credentials, 200 with;
 * {@code /swagger-ui.html} redirects to the UI's page). The public mode of the local default is what
 * {@code OpenApiDocumentTest} (deploy/local) reads without credentials.
 */
class ApiDocsAccessModesTest {

    private static final String[] DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/swagger-config",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html"};

    @Test
    void off_answers_404_for_the_document_and_swagger_ui_even_to_a_signed_in_user() {
        try (ConfigurableApplicationContext context = start("off")) {
            ApiClient api = new ApiClient(port(context));
            for (String path : DOCUMENTATION) {
                assertThat(api.get(path, null).status()).as(path + " anonymous").isEqualTo(404);
                assertThat(api.get(path, "worker.anlao").status()).as(path + " signed in").isEqualTo(404);
            }
            assertThat(api.get("/actuator/health", null).status()).as("health stays public").isEqualTo(200);
        }
    }

    @Test
    void authenticated_answers_401_without_credentials_and_200_with_them() {
        try (ConfigurableApplicationContext context = start("authenticated")) {
            ApiClient api = new ApiClient(port(context));
            for (String path : DOCUMENTATION) {
                Response anonymous = api.get(path, null);
                assertThat(anonymous.status()).as(path + " anonymous").isEqualTo(401);
                assertThat(anonymous.isProblem()).as(path + " problem+json").isTrue();
                assertThat(anonymous.headerValues("WWW-Authenticate")).as(path)
                        .containsExactly("Basic realm=\"case-tracker\"");
                assertThat(api.get(path, "worker.anlao").status()).as(path + " signed in")
                        .isEqualTo(path.equals("/swagger-ui.html") ? 302 : 200);
            }
            assertThat(api.get("/v3/api-docs", "dashboard").json().get("openapi").asString())
                    .as("any signed-in role reads it").startsWith("3.");
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
