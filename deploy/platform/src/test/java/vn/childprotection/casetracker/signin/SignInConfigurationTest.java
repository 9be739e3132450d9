package vn.childprotection.casetracker.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.childprotection.casetracker.platform.testing.TestProperties;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * How sign-in is switched: HTTP Basic alone by default (a bearer token is not even looked at), JWT only when it is
 * switched on and told where the identity provider's keys are, and an identity provider that cannot be reached
 * makes a 503 the client may retry, not a 500.
 */
class SignInConfigurationTest {

    static SpringApplicationBuilder app(String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "server.port=0";
        all[1] = "casetracker.database.embedded.ephemeral=true";
        System.arraycopy(properties, 0, all, 2, properties.length);
        return new SpringApplicationBuilder(SignInTestApplication.class).initializers(TestProperties.first(all));
    }

    @Test
    void by_default_only_http_basic_signs_in_and_a_bearer_token_is_ignored() {
        TestTokens idp = new TestTokens();
        try (ConfigurableApplicationContext context = app(
                "spring.security.oauth2.resourceserver.jwt.public-key-location=" + idp.publicKeyLocation()).run()) {
            ApiClient api = new ApiClient(port(context));

            ApiClient.Response withToken = api.getWithHeaders("/test/actor", Map.of("Authorization", "Bearer "
                    + idp.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao", "COMMUNE_WORKER"))));
            assertThat(withToken.status()).isEqualTo(401);
            assertThat(withToken.isProblem()).isTrue();
            assertThat(withToken.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"case-tracker\"");
            assertThat(withToken.json().get("detail").asString())
                    .isEqualTo("Send HTTP Basic credentials of a configured user.");

            ApiClient.Response demoUser = api.get("/test/actor", "worker.anlao");
            assertThat(demoUser.status()).as("demo users stay the embedded default").isEqualTo(200);
            assertThat(demoUser.json().get("username").asString()).isEqualTo("worker.anlao");
        }
    }

    @Test
    void switching_jwt_on_without_the_identity_providers_keys_is_refused_at_start_up() {
        assertThatThrownBy(() -> app("casetracker.security.jwt.enabled=true").run().close())
                .hasStackTraceContaining("casetracker.security.jwt.enabled=true needs where the identity provider's "
                        + "keys are");
    }

    @Test
    void an_identity_provider_that_cannot_be_reached_answers_503() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestTokens idp = new TestTokens();
        try (ConfigurableApplicationContext context = app("casetracker.security.jwt.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:" + closedPort
                        + "/realms/case-tracker").run()) {
            ApiClient api = new ApiClient(port(context));

            ApiClient.Response response = api.getWithHeaders("/test/actor", Map.of("Authorization", "Bearer "
                    + idp.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao", "COMMUNE_WORKER"))));

            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("title").asString()).isEqualTo("Sign-in unavailable");
            assertThat(api.get("/test/actor", "worker.anlao").status())
                    .as("HTTP Basic does not depend on the identity provider").isEqualTo(200);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
