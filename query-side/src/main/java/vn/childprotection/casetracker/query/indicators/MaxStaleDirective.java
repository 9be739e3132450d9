package vn.childprotection.casetracker.query.indicators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * Reads the {@code Cache-Control} request header of the endpoints answered through the indicators' counts
 * (indicators, statistics of indicators, periodic reports in every format, the plan's targets) for its
 * {@code max-stale} directive (RFC 9111 section 5.2.1.2): {@code max-stale=N} accepts an answer whose facts are at most
 * {@code N} seconds old, a bare {@code max-stale} any age; either is capped by
 * {@code casetracker.indicators.max-stale-limit} (a duration, default 300 s; 0 turns the directive off). The
 * directive's name is compared without regard to case, its argument may be a token or a quoted string (RFC 9111
 * section 5.2), a number too great to hold means the limit (section 1.2.2); every other directive is ignored.
 */
@Component
public class MaxStaleDirective {

    /** The request header read. */
    public static final String HEADER = "Cache-Control";

    /** What the OpenAPI document says of the header on each endpoint that reads it. */
    public static final String OPENAPI_DESCRIPTION = "Optional. `max-stale=N` (RFC 9111 §5.2.1.2) accepts an answer "
            + "counted earlier, from facts at most N seconds old, when the current facts' answer is not known yet: it "
            + "is given at once, with an `Age` header and `countedAt` (the instant its facts were counted as of), and "
            + "a recount starts in the background for the next request. A bare `max-stale` accepts any age up to the "
            + "service's limit (casetracker.indicators.max-stale-limit, 300 s by default), which also caps N. No "
            + "known answer, or one too old: counted from the current facts, as without the header. A malformed "
            + "value (negative, not a whole number) is a 400 naming the header; other directives are ignored.";

    private static final String DIRECTIVE = "max-stale";
    private static final String PROBLEM = "max-stale must be a whole number of seconds, 0 or more (max-stale=60), "
            + "or have no value";

    private final Duration limit;

    /**
     * @param limit the greatest age any request may accept (0 or more)
     * @throws IllegalStateException if the limit is negative
     */
    MaxStaleDirective(@Value("${casetracker.indicators.max-stale-limit:300s}") Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalStateException("casetracker.indicators.max-stale-limit must not be negative, not "
                    + limit);
        }
        this.limit = limit;
    }

    /**
     * What the request's {@code Cache-Control} header accepts.
     *
     * @param cacheControl the header's value (several headers joined with commas), or null when absent
     * @return {@link MaxStale#NOT_ASKED} without a {@code max-stale} directive or with a limit of 0; otherwise the age
     * it accepts, capped by the limit (the smallest, if the directive comes more than once)
     * @throws BadRequestException naming {@value #HEADER} if a {@code max-stale} argument is not a whole number of
     *                             seconds (negative, a fraction, text, empty)
     */
    public MaxStale read(String cacheControl) {
        if (cacheControl == null) {
            return MaxStale.NOT_ASKED;
        }
        Duration accepted = null;
        for (String directive : directives(cacheControl)) {
            int equals = directive.indexOf('=');
            String name = (equals < 0 ? directive : directive.substring(0, equals)).strip();
            if (!name.toLowerCase(Locale.ROOT).equals(DIRECTIVE)) {
                continue;
            }
            Duration asked = equals < 0 ? limit : seconds(directive.substring(equals + 1).strip());
            accepted = accepted == null || asked.compareTo(accepted) < 0 ? asked : accepted;
        }
        return accepted == null || limit.isZero() ? MaxStale.NOT_ASKED : new MaxStale(accepted);
    }

    /** The greatest age any request may accept. */
    public Duration limit() {
        return limit;
    }

    private Duration seconds(String argument) {
        String digits = argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")
                ? argument.substring(1, argument.length() - 1) : argument;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException(HEADER, PROBLEM);
        }
        // RFC 9111 section 1.2.2: a number too great to hold is taken as the greatest one can hold.
        if (digits.length() > 12) {
            return limit;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(digits));
        return asked.compareTo(limit) < 0 ? asked : limit;
    }

    /** The header's directives, split at the commas outside quoted strings. */
    private static List<String> directives(String header) {
        List<String> directives = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c);
                c = header.charAt(++i);
            } else if (c == ',' && !quoted) {
                directives.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        directives.add(current.toString().strip());
        return directives.stream().filter(d -> !d.isEmpty()).toList();
    }
}
