package vn.childprotection.casetracker.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * Every sign-in failure as {@code application/problem+json}: 401 with a {@code WWW-Authenticate} challenge for each
 * way of signing in that is switched on, and, for a refused bearer token, a detail saying why (expired, wrong
 * audience, not signed by the identity provider, a claim missing). A token that cannot be checked because the
 * identity provider is unreachable is the service's problem, not the caller's: 503, logged, never a 500 page.
 * <p>
 * One instance serves HTTP Basic, the bearer token filter and the exception handling of the filter chain, so the
 * answer does not depend on which of them noticed the missing or wrong credentials.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    static final String REALM = "case-tracker";

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter problems;
    private final boolean bearer;

    ProblemAuthenticationEntryPoint(ProblemWriter problems, boolean bearer) {
        this.problems = problems;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        if (bearer && exception instanceof OAuth2AuthenticationException refused) {
            String code = refused.getError() == null ? "invalid_token" : refused.getError().getErrorCode();
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"" + code + "\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Invalid bearer token", describe(refused),
                    request.getRequestURI());
            return;
        }
        if (bearer) {
            response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        }
        response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                bearer ? "Send a bearer token from the identity provider, or HTTP Basic credentials of a "
                        + "configured user."
                        : "Send HTTP Basic credentials of a configured user.",
                request.getRequestURI());
    }

    /**
     * A bearer token the filter could not authenticate. Spring Security rethrows an
     * {@link AuthenticationServiceException} (the token could not be checked at all) by default, which would end
     * as a 500; here it is a 503 the client may retry.
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
            log.warn("A bearer token could not be checked (is the identity provider reachable?): {}: {}",
                    cause.getClass().getName(), cause.getMessage());
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Sign-in unavailable",
                    "The bearer token could not be checked against the identity provider; try again later.",
                    request.getRequestURI());
            return;
        }
        commence(request, response, exception);
    }

    /**
     * Why the token was refused, in words that quote no claim value: the validators' reasons (expiry, audience,
     * issuer), the claim mapping's own detail, or that the token is not one the identity provider signed.
     */
    static String describe(OAuth2AuthenticationException refused) {
        for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
                return "The bearer token was refused: " + invalid.getErrors().stream()
                        .map(e -> e.getDescription() == null ? e.getErrorCode() : e.getDescription())
                        .map(ProblemAuthenticationEntryPoint::reason)
                        .collect(Collectors.joining("; ")) + ".";
            }
            if (cause instanceof BadJwtException) {
                return "The bearer token is malformed or not signed by the configured identity provider.";
            }
        }
        String description = refused.getError() == null ? null : refused.getError().getDescription();
        return description == null || description.isBlank() ? "The bearer token is not valid." : description;
    }

    private static String reason(String validatorDescription) {
        if (validatorDescription.startsWith("Jwt expired at ")) {
            return "it expired at " + validatorDescription.substring("Jwt expired at ".length());
        }
        if (validatorDescription.startsWith("Jwt used before ")) {
            return "it is not valid before " + validatorDescription.substring("Jwt used before ".length());
        }
        if (validatorDescription.contains("aud claim")) {
            return "it is not meant for this service (audience)";
        }
        if (validatorDescription.contains("iss claim")) {
            return "it comes from another issuer";
        }
        return validatorDescription;
    }
}
