package vn.childprotection.casetracker.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * Production sign-in with bearer tokens, HTTP Basic for a configured service account beside it: the token's claims
 * become the {@code Actor} of the request and of every command it sends; every token that does not say exactly
 * who, where and in which role is refused with 401 problem+json, never a 500.
 */
class JwtSignInTest extends JwtSignInContext {

    static final TestTokens ANOTHER_IDP = new TestTokens();

    @Test
    void the_api_documentation_behind_sign_in_opens_to_a_token_or_basic_and_refuses_anonymous_readers() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html")) {
            ApiClient.Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path + " anonymous").isEqualTo(401);
            assertThat(anonymous.isProblem()).as(path + " problem+json").isTrue();
            assertThat(api.getWithHeaders(path, bearer(IDP.sign(TestTokens.accessToken("example.worker",
                    "313-tt-an-lao", "COMMUNE_WORKER")))).status()).as(path + " with a token").isEqualTo(200);
            assertThat(api.getWithHeaders(path, Map.of("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("svc.dashboard:a-long-service-secret".getBytes(StandardCharsets.UTF_8))))
                    .status()).as(path + " with HTTP Basic").isEqualTo(200);
        }
    }

    @Test
    void a_valid_token_signs_in_as_the_actor_its_claims_name() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                "COMMUNE_WORKER")));

        assertThat(response.status()).isEqualTo(200);
        JsonNode actor = response.json();
        assertThat(actor.get("username").asString()).isEqualTo("example.worker");
        assertThat(actor.get("orgUnit").asString()).isEqualTo("313-tt-an-lao");
        assertThat(actor.get("role").asString()).isEqualTo("COMMUNE_WORKER");
    }

    @Test
    void commands_sent_with_a_token_record_its_actor() {
        ApiClient.Response response = api.postWithHeaders("/test/command", "{}", bearer(IDP.sign(
                TestTokens.accessToken("example.police", "313-police", "AGENCY_STAFF"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("userId").asString()).isEqualTo("example.police");
        assertThat(response.json().get("orgUnit").asString()).isEqualTo("313-police");
        assertThat(response.json().get("role").asString()).isEqualTo("AGENCY_STAFF");
    }

    @Test
    void an_expired_token_is_refused() {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                        "COMMUNE_WORKER")
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofMinutes(5))))));

        assertRefused(response, "expired");
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        ApiClient.Response response = get(ANOTHER_IDP.sign(TestTokens.accessToken("example.worker",
                "313-tt-an-lao", "COMMUNE_WORKER")));

        assertRefused(response, "not signed by the configured identity provider");
    }

    @Test
    void a_token_whose_signature_was_tampered_with_is_refused() {
        String token = IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao", "COMMUNE_WORKER"));
        String other = IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao", "AUDITOR"));
        String forged = other.substring(0, other.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));

        assertRefused(get(forged), "not signed by the configured identity provider");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                "COMMUNE_WORKER").audience("another-service")));

        assertRefused(response, "audience");
    }

    @Test
    void a_token_without_an_org_unit_is_refused_naming_the_claim() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", null,
                "COMMUNE_WORKER")));

        assertRefused(response, "no org unit (claim 'org_unit')");
    }

    @Test
    void a_token_with_an_org_unit_the_registry_does_not_know_is_refused() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "999-nowhere",
                "COMMUNE_WORKER")));

        assertRefused(response, "is not a known org unit code");
    }

    @Test
    void a_token_without_a_role_is_refused_naming_the_claim() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                null)));

        assertRefused(response, "no role (claim 'casetracker_role')");
    }

    @Test
    void a_token_with_an_unknown_role_is_refused() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                "SUPERUSER")));

        assertRefused(response, "is not a case-tracker role");
        assertThat(response.body()).doesNotContain("SUPERUSER");
    }

    @Test
    void realm_roles_are_not_a_role_unless_the_fallback_is_switched_on() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                null).claim("realm_access", Map.of("roles", List.of("COORDINATOR")))));

        assertRefused(response, "no role (claim 'casetracker_role')");
    }

    @Test
    void a_token_without_a_user_name_is_refused() {
        ApiClient.Response response = get(IDP.sign(TestTokens.accessToken("example.worker", "313-tt-an-lao",
                "COMMUNE_WORKER").claim("preferred_username", null)));

        assertRefused(response, "no user name (claim 'preferred_username')");
    }

    @Test
    void something_that_is_not_a_token_is_refused() {
        assertRefused(get("not-a-token"), "malformed");
    }

    @Test
    void http_basic_still_signs_in_configured_users() {
        ApiClient.Response response = api.getWithHeaders("/test/actor", basic("a-long-service-secret"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("username").asString()).isEqualTo("svc.dashboard");
        assertThat(response.json().get("role").asString()).isEqualTo("DASHBOARD");
        assertThat(api.getWithHeaders("/test/actor", basic("a-wrong-secret")).status()).isEqualTo(401);
    }

    @Test
    void the_dashboard_service_account_signs_in_but_writes_nothing() {
        ApiClient.Response write = api.postWithPassword("/test/command", "svc.dashboard", "a-long-service-secret",
                "{}");

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
    }

    private static Map<String, String> basic(String password) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("svc.dashboard:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void without_credentials_both_ways_to_sign_in_are_offered() {
        ApiClient.Response response = api.getWithHeaders("/test/actor", Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.headerValues("WWW-Authenticate"))
                .containsExactlyInAnyOrder("Bearer realm=\"case-tracker\"", "Basic realm=\"case-tracker\"");
        assertThat(response.json().get("detail").asString()).contains("bearer token", "HTTP Basic");
    }

    private ApiClient.Response get(String token) {
        return api.getWithHeaders("/test/actor", bearer(token));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static void assertRefused(ApiClient.Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid bearer token");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
    }
}
