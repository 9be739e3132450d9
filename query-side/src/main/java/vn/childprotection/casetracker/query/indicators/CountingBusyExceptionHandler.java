package vn.childprotection.casetracker.query.indicators;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;

/**
 * Answers {@link CountingBusyException} (indicators, reports, the plan's targets and indicator statistics asked
 * while every turn to count was taken) with {@code 503 Service Unavailable}, {@code application/problem+json} of type
 * {@value #TYPE}, title {@value #TITLE}, and {@code Retry-After} in seconds. Whatever format was asked (CSV, XLSX),
 * the problem is JSON.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CountingBusyExceptionHandler {

    /** The problem type of a count refused because too many counts run at once. */
    public static final String TYPE = "urn:casetracker:problem:indicators-busy";
    /** The problem's title, Vietnamese then English. */
    public static final String TITLE = "Hệ thống đang bận tính chỉ tiêu / Too many indicator counts at once";

    @ExceptionHandler(CountingBusyException.class)
    ResponseEntity<Object> busy(CountingBusyException ex, WebRequest request) {
        return ApiExceptionHandler.unavailable(TITLE, ex.getMessage(), request, ex.retryAfterSeconds(),
                problem -> problem.setType(URI.create(TYPE)));
    }
}
