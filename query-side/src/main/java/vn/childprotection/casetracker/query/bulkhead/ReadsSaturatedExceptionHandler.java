package vn.childprotection.casetracker.query.bulkhead;

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
 * Answers {@link ReadsSaturatedException} as {@link ReadBulkheadFilter} answers a read it refuses at the door:
 * {@code 503 Service Unavailable}, {@code application/problem+json} with {@code rule: reads-saturated} and a
 * {@code Retry-After} of one second, whatever format was asked.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ReadsSaturatedExceptionHandler {

    @ExceptionHandler(ReadsSaturatedException.class)
    ResponseEntity<Object> saturated(ReadsSaturatedException ex, WebRequest request) {
        ResponseEntity<Object> answer = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ReadBulkheadFilter.TITLE, ex.getMessage(), request);
        if (answer.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("rule", ReadBulkheadFilter.RULE);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ReadBulkheadFilter.RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.getBody());
    }
}
