package vn.childprotection.casetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm in {@code deploy/keycloak/} is well-formed and agrees with the service: the API client is the
 * audience, the mappers put the user attributes into the access token under the claim names the service reads by
 * default, only an administrator may set those attributes, and every example user's token would sign in as the
 * actor its attributes describe.
 */
class KeycloakRealmExampleTest {

    static final Path REALM_FILE = Path.of("..", "keycloak", "case-tracker-realm.json");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final JsonNode realm = JSON.readTree(REALM_FILE.toFile());

    @Test
    void the_realm_has_an_api_client_that_signs_no_one_in() {
        assertThat(realm.get("realm").asString()).isEqualTo("case-tracker");
        JsonNode api = client("case-tracker-api");
        assertThat(api.get("publicClient").asBoolean()).isFalse();
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled",
                "serviceAccountsEnabled")) {
            assertThat(api.get(flow).asBoolean()).as(flow).isFalse();
        }
    }

    @Test
    void access_tokens_of_the_example_client_carry_the_audience_and_the_claims_the_service_reads() {
        JsonNode cli = client("case-tracker-cli");
        Map<String, JsonNode> mappers = mappers(cli);

        JsonNode audience = mappers.get("oidc-audience-mapper").get("config");
        assertThat(audience.get("included.client.audience").asString()).isEqualTo("case-tracker-api");
        assertThat(audience.get("access.token.claim").asString()).isEqualTo("true");
        assertThat(attributeClaims(cli)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "org_unit", JwtSignInProperties.DEFAULT_ORG_UNIT_CLAIM,
                "casetracker_role", JwtSignInProperties.DEFAULT_ROLE_CLAIM));
    }

    @Test
    void only_an_administrator_may_set_a_users_org_unit_and_role() {
        JsonNode profile = JSON.readTree(realm.get("components").get("org.keycloak.userprofile.UserProfileProvider")
                .get(0).get("config").get("kc.user.profile.config").get(0).asString());
        Map<String, JsonNode> attributes = new HashMap<>();
        profile.get("attributes").forEach(a -> attributes.put(a.get("name").asString(), a));

        assertThat(attributes).containsKeys("username", "email", "firstName", "lastName", "org_unit",
                "casetracker_role");
        for (String name : List.of("org_unit", "casetracker_role")) {
            assertThat(strings(attributes.get(name).get("permissions").get("edit"))).as(name)
                    .containsExactly("admin");
            assertThat(attributes.get(name).get("multivalued").asBoolean()).as(name).isFalse();
        }
        assertThat(strings(attributes.get("casetracker_role").get("validations").get("options").get("options")))
                .containsExactlyElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
        assertThat(profile.has("unmanagedAttributePolicy")).as("no undeclared attributes").isFalse();
    }

    @Test
    void every_example_user_signs_in_as_the_actor_its_attributes_describe() {
        JwtActorConverter converter = new JwtActorConverter(JwtSignInProperties.defaults(true),
                JwtActorConverterTest.ORG_UNITS);
        Map<String, String> claimOf = attributeClaims(client("case-tracker-cli"));
        List<String> signedIn = new ArrayList<>();

        for (JsonNode user : realm.get("users")) {
            String username = user.get("username").asString();
            assertThat(username).as("synthetic users only").startsWith("example.");
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
            assertThat(user.get("requiredActions")).isEmpty();
            Map<String, Object> claims = new HashMap<>();
            claims.put(JwtSignInProperties.DEFAULT_USERNAME_CLAIM, username);
            user.get("attributes").properties().forEach(a -> claims.put(claimOf.get(a.getKey()),
                    a.getValue().get(0).asString()));

            if (!user.get("attributes").has("casetracker_role")) {
                assertThatThrownBy(() -> converter.convert(JwtActorConverterTest.jwt(claims)))
                        .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("no role");
                continue;
            }
            Actor actor = converter.convert(JwtActorConverterTest.jwt(claims)).getPrincipal();
            assertThat(actor).isEqualTo(new Actor(username,
                    user.get("attributes").get("org_unit").get(0).asString(),
                    Role.valueOf(user.get("attributes").get("casetracker_role").get(0).asString())));
            signedIn.add(actor.role().name());
        }
        assertThat(signedIn).contains("COMMUNE_WORKER", "COMMUNE_CHAIR", "AGENCY_STAFF", "COORDINATOR", "AUDITOR");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in " + REALM_FILE);
    }

    private static Map<String, JsonNode> mappers(JsonNode client) {
        Map<String, JsonNode> byType = new HashMap<>();
        client.get("protocolMappers").forEach(m -> byType.put(m.get("protocolMapper").asString(), m));
        return byType;
    }

    /**
     * User attribute -> access token claim, for each attribute mapper of the client.
     */
    private static Map<String, String> attributeClaims(JsonNode client) {
        Map<String, String> claims = new HashMap<>();
        for (JsonNode mapper : client.get("protocolMappers")) {
            if (mapper.get("protocolMapper").asString().equals("oidc-usermodel-attribute-mapper")) {
                JsonNode config = mapper.get("config");
                assertThat(config.get("access.token.claim").asString()).isEqualTo("true");
                assertThat(config.get("jsonType.label").asString()).isEqualTo("String");
                claims.put(config.get("user.attribute").asString(), config.get("claim.name").asString());
            }
        }
        return claims;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
