package vn.childprotection.casetracker.query.bulkhead;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
        return ApiExceptionHandler.unavailable(ReadBulkheadFilter.TITLE, ex.getMessage(), request,
                Long.parseLong(ReadBulkheadFilter.RETRY_AFTER_SECONDS),
                problem -> problem.setProperty("rule", ReadBulkheadFilter.RULE));
    }
}
