package vn.childprotection.casetracker.query.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the projection admin API's refusals as {@code application/problem+json}: 403 with {@code rule}
 * {@code role-not-allowed} (as the query side's other refusals), 409 {@code rebuild-running} with the running
 * rebuild. Runs before the platform's catch-all handler; unknown projections are the platform's 404.
 */
@RestControllerAdvice(assignableTypes = {ProjectionAdminController.class, ProjectionDeadLetterController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ProjectionAdminExceptionHandler {

    static final String ROLE_NOT_ALLOWED = "role-not-allowed";
    static final String REBUILD_RUNNING = "rebuild-running";

    @ExceptionHandler(ProjectionAdminRefusedException.class)
    ResponseEntity<Object> refused(ProjectionAdminRefusedException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage(), request);
        problem.setProperty("rule", ROLE_NOT_ALLOWED);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(RebuildRunningException.class)
    ResponseEntity<Object> running(RebuildRunningException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Rebuild already running", ex.getMessage(), request);
        problem.setProperty("rule", REBUILD_RUNNING);
        problem.setProperty("rebuild", ex.running());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .location(URI.create(ProjectionAdminController.BASE + "/" + ex.running().projection()))
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail,
                                         HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
