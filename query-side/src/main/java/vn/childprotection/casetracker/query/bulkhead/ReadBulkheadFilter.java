package vn.childprotection.casetracker.query.bulkhead;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * Lets every read of the API ({@code GET} and {@code HEAD} under {@code /api/}) through the {@link ReadBulkhead}. A
 * read that gets no place within {@code casetracker.reads.max-wait} is answered {@code 503 Service Unavailable},
 * {@code application/problem+json} with {@code rule: reads-saturated} and a {@code Retry-After} of one second; it
 * has read and logged nothing. Commands, admin actions and the health endpoint are not limited here.
 * <p>
 * Runs after sign-in (Spring Security's filter chain comes first), so a request that is refused a sign-in never
 * takes a place.
 */
@Component
public class ReadBulkheadFilter extends OncePerRequestFilter {

    /** Seconds a refused reader is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ReadBulkheadFilter.class);

    private final ReadBulkhead bulkhead;
    private final ProblemWriter problems;

    public ReadBulkheadFilter(ReadBulkhead bulkhead, ProblemWriter problems) {
        this.bulkhead = bulkhead;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean entered;
        try {
            entered = bulkhead.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            log.warn("Reads saturated: {} reads in progress, none ended within {}; answered 503",
                    bulkhead.maxConcurrent(), bulkhead.maxWait());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Too many reads at once",
                    "The service is answering as many reads as it serves at once (" + bulkhead.maxConcurrent()
                            + ") and none ended in time. Nothing was read; retry in " + RETRY_AFTER_SECONDS + " s.",
                    request.getRequestURI(), Map.of("rule", "reads-saturated"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.leave();
        }
    }
}
