package vn.childprotection.casetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * The claim mapping on its own: which shapes of claims make an {@link Actor}, and which are refused.
 */
class JwtActorConverterTest {

    static final OrgUnitRegistry ORG_UNITS = orgUnits();

    final JwtActorConverter defaults = new JwtActorConverter(JwtSignInProperties.defaults(true), ORG_UNITS);
    final JwtActorConverter withRealmRoles = new JwtActorConverter(
            new JwtSignInProperties(true, null, null, null, true), ORG_UNITS);

    @Test
    void the_three_claims_make_the_actor_and_its_authority() {
        ActorAuthenticationToken token = defaults.convert(jwt(Map.of("preferred_username", "example.auditor",
                "org_unit", "313", "casetracker_role", "AUDITOR")));

        assertThat(token.getPrincipal()).isEqualTo(new Actor("example.auditor", "313", Role.AUDITOR));
        assertThat(token.getName()).isEqualTo("example.auditor");
        assertThat(token.isAuthenticated()).isTrue();
        assertThat(token.getAuthorities()).extracting(a -> a.getAuthority()).contains("ROLE_AUDITOR");
        assertThat(token.toString()).doesNotContain(token.getCredentials().getTokenValue());
    }

    @Test
    void a_single_valued_list_is_read_as_its_value() {
        ActorAuthenticationToken token = defaults.convert(jwt(Map.of("preferred_username", "example.health",
                "org_unit", List.of("313-health-centre"), "casetracker_role", List.of("AGENCY_STAFF"))));

        assertThat(token.getPrincipal()).isEqualTo(new Actor("example.health", "313-health-centre",
                Role.AGENCY_STAFF));
    }

    @Test
    void several_org_units_are_refused() {
        assertThatThrownBy(() -> defaults.convert(jwt(Map.of("preferred_username", "example.health",
                "org_unit", List.of("313-health-centre", "313-police"), "casetracker_role", "AGENCY_STAFF"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'org_unit' holds several values");
    }

    @Test
    void a_claim_that_is_not_a_string_is_refused() {
        assertThatThrownBy(() -> defaults.convert(jwt(Map.of("preferred_username", "example.health",
                "org_unit", "313-health-centre", "casetracker_role", 3))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'casetracker_role' must be a string");
    }

    @Test
    void a_blank_org_unit_counts_as_missing() {
        assertThatThrownBy(() -> defaults.convert(jwt(Map.of("preferred_username", "example.worker",
                "org_unit", " ", "casetracker_role", "COMMUNE_WORKER"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("no org unit");
    }

    @Test
    void claim_names_are_configuration() {
        JwtActorConverter custom = new JwtActorConverter(new JwtSignInProperties(true, "upn", "department",
                "app_role", false), ORG_UNITS);

        ActorAuthenticationToken token = custom.convert(jwt(Map.of("upn", "example.chair",
                "department", "313-tt-an-lao", "app_role", "COMMUNE_CHAIR", "casetracker_role", "AUDITOR")));

        assertThat(token.getPrincipal()).isEqualTo(new Actor("example.chair", "313-tt-an-lao", Role.COMMUNE_CHAIR));
    }

    @Test
    void with_the_fallback_one_realm_role_named_like_a_role_is_the_role() {
        ActorAuthenticationToken token = withRealmRoles.convert(jwt(Map.of("preferred_username", "example.coord",
                "org_unit", "313-labour-office",
                "realm_access", Map.of("roles", List.of("offline_access", "COORDINATOR", "uma_authorization")))));

        assertThat(token.getPrincipal().role()).isEqualTo(Role.COORDINATOR);
    }

    @Test
    void with_the_fallback_two_realm_roles_named_like_roles_are_refused() {
        assertThatThrownBy(() -> withRealmRoles.convert(jwt(Map.of("preferred_username", "example.coord",
                "org_unit", "313-labour-office",
                "realm_access", Map.of("roles", List.of("COORDINATOR", "AUDITOR"))))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("2 realm roles named like a case-tracker role");
    }

    @Test
    void with_the_fallback_no_realm_role_is_refused() {
        assertThatThrownBy(() -> withRealmRoles.convert(jwt(Map.of("preferred_username", "example.coord",
                "org_unit", "313-labour-office", "realm_access", Map.of("roles", List.of("offline_access"))))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("no realm roles named like a case-tracker role");
    }

    @Test
    void an_invalid_role_claim_is_refused_even_with_the_fallback() {
        assertThatThrownBy(() -> withRealmRoles.convert(jwt(Map.of("preferred_username", "example.coord",
                "org_unit", "313-labour-office", "casetracker_role", "coordinator",
                "realm_access", Map.of("roles", List.of("COORDINATOR"))))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("is not a case-tracker role");
    }

    @Test
    void a_blank_claim_name_is_refused_at_start_up() {
        assertThatThrownBy(() -> new JwtSignInProperties(true, "preferred_username", " ", null, false))
                .hasMessageContaining("casetracker.security.jwt.org-unit-claim");
    }

    static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("header.payload.signature-" + claims.hashCode()).header("alg", "RS256")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).claims(c -> c.putAll(claims))
                .build();
    }

    static OrgUnitRegistry orgUnits() {
        try {
            return new OrgUnitRegistry(new ClassPathResource("orgunits/org-units.json"),
                    JsonMapper.builder().build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
