package vn.childprotection.casetracker.query.consistency;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;

/**
 * Answers {@link ProjectionLagException} with {@code 503 Service Unavailable}, {@code application/problem+json} of
 * type {@value #TYPE} and title "Projection lag", the {@code minVersion} asked for, and {@code Retry-After} in seconds.
 * The problem names nothing of the case (not its version), so it tells a reader nothing a 404 or 403 would not.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ProjectionLagExceptionHandler {

    /** The problem type of a read the projections could not answer yet. */
    public static final String TYPE = "urn:casetracker:problem:projection-lag";

    @ExceptionHandler(ProjectionLagException.class)
    ResponseEntity<Object> lag(ProjectionLagException ex, WebRequest request) {
        ResponseEntity<Object> answer = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "Projection lag",
                ex.getMessage(), request);
        if (answer.getBody() instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE));
            problem.setProperty("minVersion", ex.minVersion());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.getBody());
    }
}
