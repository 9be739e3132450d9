package vn.childprotection.casetracker.values;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Temporary removal of a child from parents or caregiver (<i>tạm thời cách ly</i>, Decree 56 Art 32). It lasts
 * at most a configured number of days (15 by law) unless a competent authority extends it.
 *
 * @param startDate first day of the removal
 * @param endDate   last day of the removal
 */
public record TemporaryRemoval(LocalDate startDate, LocalDate endDate) {

    public TemporaryRemoval {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
    }
}
