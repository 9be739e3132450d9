package vn.childprotection.casetracker.query.access;

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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;

/**
 * Answers refused reads as {@code application/problem+json}. A 403 carries the refusal's rule and a detail that
 * names who may read. Its {@code instance} is the endpoint's path pattern ({@code /api/v1/cases/{caseId}}), not the
 * request's path: that holds the case id or the org unit asked for, and a refusal must not echo anything of the
 * case (left empty, Spring would fill in the request's path). Runs before the platform's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessExceptionHandler {

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<Object> refused(AccessRefusedException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.refusal().detail());
        problem.setTitle("Not allowed");
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        problem.setInstance(URI.create(pattern instanceof String path ? path.replace("{", "%7B").replace("}", "%7D")
                : "/"));
        problem.setProperty("rule", ex.refusal().code());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ReadConflictException.class)
    ResponseEntity<Object> conflict(ReadConflictException ex, WebRequest request) {
        ResponseEntity<Object> response = ApiExceptionHandler.problem(HttpStatus.CONFLICT, ex.title(),
                ex.getMessage(), request);
        if (response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("rule", ex.rule());
            ex.properties().forEach(problem::setProperty);
        }
        return response;
    }
}
