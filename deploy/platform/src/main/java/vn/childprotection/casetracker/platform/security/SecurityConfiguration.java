package vn.childprotection.casetracker.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.orgunits.OrgStructureAdministrators;
import vn.childprotection.casetracker.platform.openapi.ApiDocsAccess;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * Sign-in: HTTP Basic against users defined in configuration, and, when {@code casetracker.security.jwt.enabled}
 * is set, bearer tokens (JWT) from an identity provider whose claims name the user, org unit and role (see
 * {@link JwtSignInProperties}). The demo users of the local default (password equal to the user name) are refused
 * anywhere else: with an external database the service does not start with them. Every sign-in failure is
 * answered with {@code application/problem+json}. Who may read the API documentation is
 * {@code casetracker.api-docs.access} ({@link ApiDocsAccess}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Paths anyone may reach without signing in, whatever the configuration: health (for probes) and the error
     * page. The API documentation is public too only when {@code casetracker.api-docs.access} is {@code public}
     * (or {@code off}, so that its paths answer 404 rather than 401).
     */
    public static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/error");

    /**
     * No Micrometer observation around each of the filter chain's filters, each authentication and each
     * authorization decision: they took a tenth of the request threads' CPU samples of {@code POST /api/v1/cases}
     * ({@code docs/append-cpu.md}) and nothing reads them (no tracing, no metrics endpoint). The request itself is
     * still observed ({@code http.server.requests}), and refusals are answered and logged as before.
     */
    @Bean
    public static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService userDetailsService(UsersProperties properties, PasswordEncoder encoder,
                                                 DatabaseServer databaseServer, OrgUnitRegistry orgUnits) {
        Map<String, UserAccount> accounts = new LinkedHashMap<>();
        List<UserAccount> candidates = new ArrayList<>();
        properties.users().forEach(u -> candidates.add(new UserAccount(u.username(), u.passwordHash(), u.orgUnit(),
                u.role())));
        boolean demo = properties.demoUsers() == null ? databaseServer.isEmbedded() : properties.demoUsers();
        if (demo) {
            if (!databaseServer.isEmbedded()) {
                throw new IllegalStateException("casetracker.security.demo-users is only allowed on the local "
                        + "default (embedded PostgreSQL); define real users for this deployment");
            }
            candidates.addAll(DemoUsers.accounts(orgUnits));
        }
        for (UserAccount account : candidates) {
            if (!databaseServer.isEmbedded() && encoder.matches(account.username(), account.passwordHash())) {
                throw new IllegalStateException("User '" + account.username() + "' has a password equal to its "
                        + "user name; refused outside the local default");
            }
            accounts.put(account.username(), account);
        }
        return username -> {
            UserAccount account = accounts.get(username);
            if (account == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return account;
        };
    }

    /**
     * The API's filter chain. HTTP Basic is always on: with JWT sign-in it serves the service accounts defined in
     * configuration (and the demo users on the local default); a deployment that wants tokens only simply defines
     * no users, since the demo users are refused outside the embedded database anyway. With
     * {@code casetracker.security.jwt.enabled=true} a request may instead carry {@code Authorization: Bearer}; a
     * request carrying a bearer token is judged by the token alone.
     */
    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, JwtSignInProperties jwt,
                                           ObjectProvider<JwtDecoder> jwtDecoders, OrgUnitRegistry orgUnits,
                                           OrgStructureAdministrators orgStructureAdministrators,
                                           Environment environment) throws Exception {
        ProblemAuthenticationEntryPoint signIn = new ProblemAuthenticationEntryPoint(problems, jwt.enabled());
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        if (ApiDocsAccess.of(environment) != ApiDocsAccess.AUTHENTICATED) {
            open.addAll(documentationPaths(environment));
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        // Loading a new list of org units: administrators of the structure only.
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/org-units").access(orgStructureAdministrators)
                        // The dashboard is a machine account for aggregates: it reads, it never writes.
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        .anyRequest().access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(
                                        AuthorityAuthorizationManager.hasRole(Role.DASHBOARD.name())))))
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, e) -> {
                            boolean dashboard = request.isUserInRole(Role.DASHBOARD.name());
                            problems.write(response, HttpStatus.FORBIDDEN, "Not allowed", dashboard
                                    ? "The dashboard account reads aggregates only; it takes no step and "
                                    + "writes nothing." : "Your role does not allow this.",
                                    // No instance: the path may name a case, and a refusal names none.
                                    null, Map.of("rule", dashboard ? "aggregates-only" : "role-not-allowed"));
                        }));
        if (jwt.enabled()) {
            JwtDecoder decoder = jwtDecoders.getIfAvailable();
            if (decoder == null) {
                throw new IllegalStateException("casetracker.security.jwt.enabled=true needs where the identity "
                        + "provider's keys are: set spring.security.oauth2.resourceserver.jwt.issuer-uri, "
                        + "jwk-set-uri or public-key-location");
            }
            JwtActorConverter actors = new JwtActorConverter(jwt, orgUnits);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(signIn)
                    .jwt(token -> token.decoder(new UnreachableProviderGuard(decoder))
                            .jwtAuthenticationConverter(actors))
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(signIn);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /**
     * The OpenAPI document (JSON, YAML, Swagger UI's configuration) and Swagger UI's page and assets, where
     * springdoc's properties put them.
     */
    private static List<String> documentationPaths(Environment environment) {
        String docs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        String ui = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        return List.of(docs, docs + "/**", docs + ".yaml", ui, "/swagger-ui/**");
    }

    /**
     * Makes a decoder that could not even be set up (the issuer's discovery document unreachable when the first
     * token arrives) fail like one that could not fetch its keys: as a {@link JwtException}, which Spring Security
     * reports as an authentication service failure (503 here), instead of an unhandled exception (500).
     */
    private record UnreachableProviderGuard(JwtDecoder delegate) implements JwtDecoder {

        @Override
        public Jwt decode(String token) {
            try {
                return delegate.decode(token);
            } catch (JwtException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtException("The JWT decoder is not available: " + e.getClass().getName(), e);
            }
        }
    }
}
