package vn.childprotection.casetracker.query.paging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The sort key a {@link PageCursor} carries, read back value by value with the type of its column. A value that is
 * not of its type or not within what the column can hold is answered 400 naming {@code cursor}, so even a cursor
 * forged with a valid check value never reaches the database with a value it would refuse.
 */
public final class CursorKey {

    /** The longest identifier a projection table holds ({@code VARCHAR(255)}). */
    private static final int MAX_ID = 255;
    private static final int MAX_DIGITS = 19;
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    private final List<String> values;

    CursorKey(List<String> values) {
        this.values = List.copyOf(values);
    }

    /**
     * The text of an instant written by {@link #text(Instant)}: ISO-8601 UTC, years 1 to 9999.
     */
    public Instant instant(int index) {
        try {
            Instant instant = Instant.parse(values.get(index));
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return instant;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw unreadable();
    }

    /**
     * A day written as {@code YYYY-MM-DD}, years 1 to 9999.
     */
    public LocalDate date(int index) {
        try {
            LocalDate date = LocalDate.parse(values.get(index));
            if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
                return date;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw unreadable();
    }

    /**
     * An identifier (a case, deadline or intervention id): 1 to 255 characters.
     */
    public String id(int index) {
        String value = values.get(index);
        if (value.isEmpty() || value.length() > MAX_ID) {
            throw unreadable();
        }
        return value;
    }

    /**
     * A whole number from {@code min} to {@code max}.
     */
    public int number(int index, int min, int max) {
        try {
            int value = Integer.parseInt(values.get(index));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw unreadable();
    }

    /**
     * A whole number from 0 to {@link Long#MAX_VALUE} (a position in the event store or a log), plain decimal
     * digits.
     */
    public long wholeNumber(int index) {
        String value = values.get(index);
        if (!value.isEmpty() && value.length() <= MAX_DIGITS && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw unreadable();
    }

    /**
     * How an instant is written into a cursor (exact to the nanosecond, so no row is skipped or repeated).
     */
    public static String text(Instant instant) {
        return instant.toString();
    }

    private static BadRequestException unreadable() {
        return new BadRequestException(PageCursor.PARAMETER, PageCursor.NOT_A_CURSOR);
    }
}
