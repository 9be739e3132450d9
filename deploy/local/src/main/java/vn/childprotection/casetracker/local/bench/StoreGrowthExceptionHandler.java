package vn.childprotection.casetracker.local.bench;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the store growth's refusals as {@code application/problem+json} with their {@code rule}: 403
 * {@code role-not-allowed}, 409 {@code growth-running}, {@code nothing-to-clone} or {@code rebuild-running}. Bad
 * bodies are the platform's 400.
 */
@RestControllerAdvice(assignableTypes = StoreGrowthController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnProperty(name = StoreGrowth.ENABLED, havingValue = "true")
public class StoreGrowthExceptionHandler {

    static final String ROLE_NOT_ALLOWED = "role-not-allowed";

    @ExceptionHandler(StoreGrowthRefused.class)
    ResponseEntity<Object> refused(StoreGrowthRefused ex, HttpServletRequest request) {
        HttpStatus status = ROLE_NOT_ALLOWED.equals(ex.rule()) ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setTitle(status == HttpStatus.FORBIDDEN ? "Not allowed" : "Store growth refused");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("rule", ex.rule());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
