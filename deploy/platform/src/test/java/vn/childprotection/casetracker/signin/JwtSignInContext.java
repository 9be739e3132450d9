package vn.childprotection.casetracker.signin;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The platform's one Spring test context over real HTTP: {@link SignInTestApplication} on an ephemeral embedded
 * PostgreSQL, signing in with bearer tokens of a test identity provider ({@link #signedInAs}) and HTTP Basic for
 * one service account ({@code svc.dashboard}, a DASHBOARD of 313). Test classes extend it so that they share the
 * context (same annotations, same dynamic properties) instead of each starting a database.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casetracker.database.embedded.ephemeral=true", "casetracker.security.jwt.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                "casetracker.security.demo-users=false", "casetracker.api-docs.access=authenticated"})
public abstract class JwtSignInContext {

    static final TestTokens IDP = new TestTokens();
    static final String PUBLIC_KEY_LOCATION = IDP.publicKeyLocation();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY_LOCATION);
        // A list is bound from one property source only: the whole service account is defined here.
        registry.add("casetracker.security.users[0].username", () -> "svc.dashboard");
        registry.add("casetracker.security.users[0].org-unit", () -> "313");
        registry.add("casetracker.security.users[0].role", () -> "DASHBOARD");
        registry.add("casetracker.security.users[0].password-hash",
                () -> PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a-long-service-secret"));
    }

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /**
     * @return the {@code Authorization} header of a valid bearer token naming this user, org unit and role
     */
    public static Map<String, String> signedInAs(String username, String orgUnit, String role) {
        return Map.of("Authorization", "Bearer " + IDP.sign(TestTokens.accessToken(username, orgUnit, role)));
    }
}
