package vn.childprotection.casetracker.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * Turns a verified token into the {@link Actor} it names: user name, org unit and role, each from the claim that
 * {@link JwtSignInProperties} names. Every event records who did it, so a token that does not name all three
 * exactly is refused (401, with a detail naming the claim) rather than signed in with a guess: no default role, no
 * default org unit, and an org unit must be a code of the registry, as it must be everywhere else in the API.
 * <p>
 * A claim may hold a string, or a list of exactly one string (Keycloak sends a multivalued user attribute as a
 * list). An explicit role claim with a value that is not a {@link Role} is refused even when the realm-role
 * fallback is on: a mistake in the identity provider must not quietly give someone another role.
 * <p>
 * Refusals are logged with the claim's name and the user name, never the token or a claim's value.
 */
final class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(JwtActorConverter.class);

    static final String REALM_ACCESS = "realm_access";
    private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final String ROLE_LIST = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.joining(", "));

    private final JwtSignInProperties properties;
    private final OrgUnitRegistry orgUnits;

    JwtActorConverter(JwtSignInProperties properties, OrgUnitRegistry orgUnits) {
        this.properties = properties;
        this.orgUnits = orgUnits;
    }

    @Override
    public ActorAuthenticationToken convert(Jwt jwt) {
        String username = single(jwt, properties.usernameClaim(), null);
        if (username == null) {
            throw refused(null, "The token has no user name (claim '" + properties.usernameClaim() + "').");
        }
        String orgUnit = single(jwt, properties.orgUnitClaim(), username);
        if (orgUnit == null) {
            throw refused(username, "The token has no org unit (claim '" + properties.orgUnitClaim()
                    + "'); the identity provider must send the user's org unit code.");
        }
        if (orgUnits.find(orgUnit).isEmpty()) {
            throw refused(username, "The token's org unit (claim '" + properties.orgUnitClaim()
                    + "') is not a known org unit code; see GET /api/v1/org-units.");
        }
        Role role = role(jwt, username);
        Actor actor = new Actor(username, orgUnit, role);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        return new ActorAuthenticationToken(actor, jwt, authorities);
    }

    private Role role(Jwt jwt, String username) {
        String claim = properties.roleClaim();
        if (jwt.hasClaim(claim)) {
            String value = single(jwt, claim, username);
            if (value == null || !ROLE_NAMES.contains(value)) {
                throw refused(username, "The token's role (claim '" + claim + "') is not a case-tracker role; "
                        + "expected one of " + ROLE_LIST + ".");
            }
            return Role.valueOf(value);
        }
        if (!properties.realmRoleFallback()) {
            throw refused(username, "The token has no role (claim '" + claim + "'); expected one of " + ROLE_LIST
                    + ".");
        }
        List<String> named = realmRoles(jwt).stream().filter(ROLE_NAMES::contains).distinct().toList();
        if (named.size() != 1) {
            throw refused(username, "The token has no role claim '" + claim + "' and "
                    + (named.isEmpty() ? "no" : named.size()) + " realm roles named like a case-tracker role; "
                    + "a user needs exactly one of " + ROLE_LIST + ".");
        }
        return Role.valueOf(named.get(0));
    }

    private static List<String> realmRoles(Jwt jwt) {
        if (jwt.getClaims().get(REALM_ACCESS) instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /**
     * The claim's one non-blank string value, or null when the claim is absent or blank; a claim holding several
     * values or something other than a string is refused.
     */
    private String single(Jwt jwt, String claim, String username) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw refused(username, "The token's claim '" + claim + "' holds several values; it must hold one.");
            }
            value = values.iterator().next();
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw refused(username, "The token's claim '" + claim + "' must be a string.");
        }
        return text.isBlank() ? null : text;
    }

    private static InvalidBearerTokenException refused(String username, String detail) {
        log.warn("Refused a bearer token{}: {}", username == null ? "" : " of user '" + username + "'", detail);
        return new InvalidBearerTokenException(detail);
    }
}
