package vn.childprotection.casetracker.platform.input;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one rule for instants and dates that come in, in bodies and in query parameters.
 * <ul>
 *   <li>An instant is ISO-8601 text with seconds optional, a fraction of at most 9 digits and an offset
 *       ({@code Z} or {@code ±hh:mm}): {@code 2025-03-01T08:30:00Z}. No epoch numbers, no {@code T24:00}, no
 *       empty string, no year beyond 4 digits.</li>
 *   <li>A date is {@code YYYY-MM-DD} and must exist (no 2025-02-30).</li>
 *   <li>Both lie between {@link InputProperties#earliest()} (a day in Vietnam time) and today plus
 *       {@link InputProperties#horizon()}. The time of a step must in addition not be later than now plus
 *       {@link InputProperties#clockSkew()} ({@link #notFutureProblem}).</li>
 * </ul>
 * Problems are returned as text naming the rule, never quoting the value.
 */
@Component
public class TimeRule {

    /** Days are counted in Vietnam time (API conventions). */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Clock clock;
    private final InputProperties bounds;

    public TimeRule(Clock clock, InputProperties bounds) {
        this.clock = clock;
        this.bounds = bounds;
    }

    /**
     * @return the instant the text gives
     * @throws RefusedValue naming the problem when the text is not an ISO-8601 instant within bounds
     */
    public Instant instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            throw new RefusedValue("must be an ISO-8601 instant with an offset, e.g. 2025-03-01T08:30:00Z");
        }
        Instant value;
        try {
            value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RefusedValue("is not a valid instant (hours 00-23, days that exist)");
        }
        Instant first = bounds.earliest().atStartOfDay(VIETNAM).toInstant();
        Instant last = today().plus(bounds.horizon()).plusDays(1).atStartOfDay(VIETNAM).toInstant();
        if (value.isBefore(first) || !value.isBefore(last)) {
            throw new RefusedValue("must be between " + first + " and " + last);
        }
        return value;
    }

    /**
     * @return the date the text gives
     * @throws RefusedValue naming the problem when the text is not a date YYYY-MM-DD within bounds
     */
    public LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new RefusedValue("must be a date YYYY-MM-DD");
        }
        LocalDate value;
        try {
            value = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new RefusedValue("is not a day of the calendar");
        }
        LocalDate last = today().plus(bounds.horizon());
        if (value.isBefore(bounds.earliest()) || value.isAfter(last)) {
            throw new RefusedValue("must be between " + bounds.earliest() + " and " + last);
        }
        return value;
    }

    /**
     * @return null when {@code value} is not later than now plus the allowed clock skew, else the problem
     */
    public String notFutureProblem(Instant value) {
        return value.isAfter(clock.instant().plus(bounds.clockSkew())) ? "must not be in the future" : null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }
}
