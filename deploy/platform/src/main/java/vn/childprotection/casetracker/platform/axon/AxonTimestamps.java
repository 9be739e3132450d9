package vn.childprotection.casetracker.platform.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the {@code time_stamp} text of an event row as an {@link Instant}, exactly as Axon's
 * {@link DateTimeUtils#parseInstant} does, quickly for the one form Axon writes.
 * <p>
 * Why: Axon's JDBC engine stores an event's instant as text ({@link DateTimeUtils#formatInstant}: UTC, milliseconds,
 * {@code 2026-11-30T22:47:55.171Z}) and parses it back with a {@code DateTimeFormatter} twice for every event a
 * processor reads (once to decide whether a gap in the global index may still fill, once when the message's
 * instant is asked for). On the processor's coordinator thread that was over a quarter of the CPU of a rebuild of a
 * projection that does nothing (docs/benchmarks.md). Text of that form is read here digit by digit; anything else
 * (another offset, more or fewer fraction digits, a field out of range) goes to Axon's parser, so the result, or the
 * error, is always Axon's.
 */
final class AxonTimestamps {

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    private static final int LENGTH = 24;

    private AxonTimestamps() {
    }

    /**
     * @param text an event row's {@code time_stamp}
     * @return the instant it names (UTC)
     * @throws DateTimeException as {@link DateTimeUtils#parseInstant} does, when the text is not an ISO-8601 date
     *                           and time with an offset
     */
    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(23) != 'Z') {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = digits(text, 20, 23);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    private static int lengthOfMonth(int year, int month) {
        return LocalDate.of(year, month, 1).lengthOfMonth();
    }

    /** The number written in {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
