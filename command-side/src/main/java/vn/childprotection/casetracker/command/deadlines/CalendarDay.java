package vn.childprotection.casetracker.command.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of the working-day calendar that differs from the plain week: a day off (<i>ngày nghỉ lễ, Tết, nghỉ bù,
 * hoán đổi</i>) or a weekend day worked (<i>ngày làm bù</i>).
 *
 * @param date the day, Vietnam time
 * @param vi   its Vietnamese label, e.g. {@code Tết Nguyên đán Ất Tỵ}
 * @param en   its English label, e.g. {@code Lunar New Year}
 * @param note why the day is not certain (provisional or unconfirmed), or {@code null} when it is
 */
public record CalendarDay(LocalDate date, String vi, String en, String note) {

    /**
     * @throws IllegalArgumentException if the date or a label is missing or blank
     */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        if (vi == null || vi.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("Calendar day " + date + " needs a Vietnamese and an English label");
        }
    }
}
