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
 * Answers {@link IndicatorsRebuildingException} (indicators, reports, the plan's targets and indicator statistics
 * asked while the counted facts are incomplete) with {@code 503 Service Unavailable}, {@code application/problem+json}
 * of type {@value #TYPE}, title {@value #TITLE}, the rebuild's {@code percent} and {@code expectedFinish} (UTC) when
 * one runs, and {@code Retry-After} in seconds. Whatever format was asked (CSV, XLSX), the problem is JSON.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class IndicatorsRebuildingExceptionHandler {

    /** The problem type of a count refused while the indicators are rebuilt after an upgrade. */
    public static final String TYPE = "urn:casetracker:problem:indicators-rebuilding";
    /** The problem's title, Vietnamese then English. */
    public static final String TITLE = "Đang tính lại chỉ tiêu sau khi nâng cấp / "
            + "Indicators are being rebuilt after an upgrade";
    /**
     * How the endpoints counting from the facts document their 503 (replacing the document's default for it, so it
     * names the database's 503 too).
     */
    public static final String OPENAPI_DESCRIPTION = "The database is unreachable, a read of one's own write timed "
            + "out, or the service is stopping; or the indicators are being rebuilt after an upgrade (type `" + TYPE
            + "`): the counted facts do not hold every case yet, so no count is given rather than a short one "
            + "(`percent` and `expectedFinish` tell how far the rebuild is). Retry after `Retry-After` seconds";

    @ExceptionHandler(IndicatorsRebuildingException.class)
    ResponseEntity<Object> rebuilding(IndicatorsRebuildingException ex, WebRequest request) {
        return ApiExceptionHandler.unavailable(TITLE, ex.getMessage(), request, ex.retryAfterSeconds(), problem -> {
            problem.setType(URI.create(TYPE));
            if (ex.percent() != null) {
                problem.setProperty("percent", ex.percent());
            }
            if (ex.expectedFinish() != null) {
                problem.setProperty("expectedFinish", ex.expectedFinish().toString());
            }
        });
    }
}
