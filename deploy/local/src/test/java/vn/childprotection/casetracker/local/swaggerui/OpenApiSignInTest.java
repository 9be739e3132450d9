package vn.childprotection.casetracker.local.swaggerui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The document tells the truth about sign-in: it declares HTTP Basic and bearer JWT, every operation it lists
 * requires one of them, and each of those operations really answers 401 to a request without credentials. Swagger UI
 * is configured to keep what was entered under Authorize.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class OpenApiSignInTest {

    @LocalServerPort
    int port;

    @Test
    void every_documented_operation_requires_basic_or_bearer_and_answers_401_without_credentials() throws Exception {
        JsonNode document = new ApiClient(port).get("/v3/api-docs", null).json();
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("bearerAuth").get("bearerFormat").asString()).isEqualTo("JWT");

        HttpClient http = HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<String> required = operation.getValue().path("security").valueStream()
                        .map(requirement -> String.join("+", requirement.propertyNames())).toList();
                if (!required.equals(List.of("basicAuth", "bearerAuth"))) {
                    wrong.add(operation.getKey() + " " + path.getKey() + " requires " + required);
                }
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "x1");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + concrete))
                        .header("Content-Type", "application/json");
                String method = operation.getKey().toUpperCase();
                request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 401) {
                    wrong.add(method + " " + concrete + " without credentials answered " + status);
                }
                checked++;
            }
        }
        assertThat(checked).as("operations checked").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void swagger_ui_keeps_the_authorization_entered() {
        JsonNode config = new ApiClient(port).get("/v3/api-docs/swagger-config", null).json();

        assertThat(config.get("persistAuthorization").asBoolean()).isTrue();
    }
}
