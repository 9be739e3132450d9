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
import org.springframework.web.util.UrlPathHelper;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * Lets every read of the API ({@code GET} and {@code HEAD} under {@code /api/}) through a bulkhead: the reads of the
 * counting families ({@link SlowReads}: indicators, reports, the plan's targets, statistics of indicators) through
 * the {@link SlowReadBulkhead}, every other read through the {@link ReadBulkhead}, so that a read that may count for
 * seconds never takes a cheap read's place. The place is bound to the request's thread ({@link RequestPlace}): a
 * read gives it back while it waits for a count or for the projections. A read that gets no place within its
 * bulkhead's wait is answered {@code 503 Service Unavailable}, {@code application/problem+json} with
 * {@code rule: reads-saturated} and a {@code Retry-After} of one second; it has read and logged nothing. Commands,
 * admin actions and the health endpoint are not limited here.
 * <p>
 * Runs after sign-in (Spring Security's filter chain comes first), so a request that is refused a sign-in never
 * takes a place.
 */
@Component
public class ReadBulkheadFilter extends OncePerRequestFilter {

    /** Seconds a refused reader is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "1";
    /** The title of the refusal. */
    static final String TITLE = "Too many reads at once";
    /** The {@code rule} the refusal names. */
    static final String RULE = "reads-saturated";

    private static final Logger log = LoggerFactory.getLogger(ReadBulkheadFilter.class);

    private final ReadBulkhead bulkhead;
    private final SlowReadBulkhead slowReads;
    private final ProblemWriter problems;

    public ReadBulkheadFilter(ReadBulkhead bulkhead, SlowReadBulkhead slowReads, ProblemWriter problems) {
        this.bulkhead = bulkhead;
        this.slowReads = slowReads;
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
        // The path as the controllers are matched on it: decoded, without ";" parameters.
        Bulkhead places = SlowReads.covers(UrlPathHelper.defaultInstance.getPathWithinApplication(request))
                ? slowReads : bulkhead;
        boolean entered;
        try {
            entered = RequestPlace.take(places);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            log.warn("Reads saturated: {} reads in progress ({}), none ended within {}; answered 503",
                    places.maxConcurrent(), places.limitProperty(), places.maxWait());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, TITLE,
                    "The service is answering as many reads as it serves at once (" + places.maxConcurrent()
                            + ") and none ended in time. Nothing was read; retry in " + RETRY_AFTER_SECONDS + " s.",
                    request.getRequestURI(), Map.of("rule", RULE));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            RequestPlace.giveBack();
        }
    }
}
