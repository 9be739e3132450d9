package vn.childprotection.casetracker.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import vn.childprotection.casetracker.platform.db.DatabaseUnavailable;

/**
 * While the database is unreachable, every request that needs it answers {@code 503 Service Unavailable} as
 * {@code application/problem+json} with a {@code Retry-After} header (seconds, from
 * {@code casetracker.database.retry-after}, 5 s by default), instead of the 500 of an unexpected error.
 * <p>
 * It runs before every {@code @ExceptionHandler} (whose catch-all would answer 500) and looks at the whole cause
 * chain ({@link DatabaseUnavailable}), so a command, a query or a report fails the same way however the failure was
 * wrapped. A request answered 503 may be sent again: a command is one transaction, so it was stored whole or not at
 * all (a new case with the same {@code Idempotency-Key} is never created twice). Other exceptions pass on unchanged.
 */
@Component
public class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    private final ProblemWriter problems;
    private final long retryAfterSeconds;

    public DatabaseUnavailableResolver(ProblemWriter problems,
                                       @Value("${casetracker.database.retry-after:5s}") Duration retryAfter) {
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (response.isCommitted() || !DatabaseUnavailable.isCauseOf(ex)) {
            if (log.isDebugEnabled()) {
                log.debug("Not a database outage: {}", DatabaseUnavailable.describe(ex));
            }
            return null;
        }
        log.warn("Database unreachable handling {} {}: answered 503 ({})", request.getMethod(),
                request.getRequestURI(), ex.getClass().getName());
        try {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The database cannot be reached just now, so the request was not completed. Retry in "
                            + retryAfterSeconds + " s; a command is stored whole or not at all.",
                    request.getRequestURI());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /**
     * Before Spring MVC's own resolvers (order 0), which run the {@code @ExceptionHandler}s.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
