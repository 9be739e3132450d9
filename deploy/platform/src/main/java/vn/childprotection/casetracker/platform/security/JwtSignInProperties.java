package vn.childprotection.casetracker.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with bearer tokens (JWT) issued by an identity provider, for production ({@code casetracker.security.jwt.*}).
 * Where the keys come from is Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 * {@code jwk-set-uri} or {@code public-key-location}, and {@code audiences}; this record only says whether tokens
 * are accepted and which claims name the {@link Actor}.
 * <p>
 * The defaults match the Keycloak example in {@code deploy/keycloak/}: Keycloak puts the user name in
 * {@code preferred_username}, and two user attributes are mapped to claims of their own. A dedicated role claim is
 * preferred to Keycloak's realm roles because a realm is often shared by several applications: a realm role that
 * happens to be called {@code AUDITOR} for another application must not make someone an auditor here, and a user
 * has exactly one role in the procedure, while realm roles are a set.
 *
 * @param enabled           accept {@code Authorization: Bearer} tokens; off by default (HTTP Basic only)
 * @param usernameClaim     the claim holding the user name recorded on every event
 * @param orgUnitClaim      the claim holding the user's org unit code (a code of the org unit registry)
 * @param roleClaim         the claim holding the user's {@link Role}, by its name ({@code COMMUNE_WORKER}, ...)
 * @param realmRoleFallback when the role claim is absent, take the role from Keycloak's realm roles
 *                          ({@code realm_access.roles}) if exactly one of them is named like a {@link Role}; off by
 *                          default, for the reason above
 */
@ConfigurationProperties("casetracker.security.jwt")
public record JwtSignInProperties(boolean enabled,
                                  @DefaultValue(DEFAULT_USERNAME_CLAIM) String usernameClaim,
                                  @DefaultValue(DEFAULT_ORG_UNIT_CLAIM) String orgUnitClaim,
                                  @DefaultValue(DEFAULT_ROLE_CLAIM) String roleClaim,
                                  boolean realmRoleFallback) {

    public static final String DEFAULT_USERNAME_CLAIM = "preferred_username";
    public static final String DEFAULT_ORG_UNIT_CLAIM = "org_unit";
    public static final String DEFAULT_ROLE_CLAIM = "casetracker_role";

    public JwtSignInProperties {
        usernameClaim = claimName(usernameClaim, DEFAULT_USERNAME_CLAIM, "username-claim");
        orgUnitClaim = claimName(orgUnitClaim, DEFAULT_ORG_UNIT_CLAIM, "org-unit-claim");
        roleClaim = claimName(roleClaim, DEFAULT_ROLE_CLAIM, "role-claim");
    }

    /**
     * The defaults, as a deployment that sets nothing but {@code enabled=true} gets them.
     */
    public static JwtSignInProperties defaults(boolean enabled) {
        return new JwtSignInProperties(enabled, null, null, null, false);
    }

    private static String claimName(String value, String fallback, String property) {
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("casetracker.security.jwt." + property + " must name a claim");
        }
        return value.strip();
    }
}
