package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reporting period (<i>kỳ báo cáo</i>): whole days from {@code from} to {@code to}, both included, in Vietnam's
 * time (Asia/Ho_Chi_Minh), as the API conventions require for periods.
 */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public ReportingPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period cannot end before it starts");
        }
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** The same period one year earlier, for comparisons with the previous year. */
    public ReportingPeriod yearBefore() {
        return new ReportingPeriod(from.minusYears(1), to.minusYears(1));
    }
}
