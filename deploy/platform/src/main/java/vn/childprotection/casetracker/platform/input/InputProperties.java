package vn.childprotection.casetracker.platform.input;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the instants and dates the service accepts ({@code casetracker.input.*}). They keep every stored time
 * within what case work can mean and what PostgreSQL ({@code timestamptz}, years 4713 BC..294276 AD), Java and the
 * deadline scheduler can hold, whatever a client sends.
 *
 * @param earliest  the first day (Vietnam time) an instant or date may fall on; default 2000-01-01, long before
 *                  Decree 56/2017 and before the birth of any child a case can be about
 * @param clockSkew how far in the future the time of a step ({@code occurredAt}) or an {@code asOf} may be, to allow
 *                  for devices whose clocks run ahead; default 5 minutes
 * @param horizon   how far ahead of today a date (a due date, the end of a removal, a reporting period) or any
 *                  other instant may be; default 5 years
 */
@ConfigurationProperties("casetracker.input")
public record InputProperties(LocalDate earliest, Duration clockSkew, Period horizon) {

    public InputProperties {
        earliest = earliest == null ? LocalDate.of(2000, 1, 1) : earliest;
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        horizon = horizon == null ? Period.ofYears(5) : horizon;
        if (clockSkew.isNegative() || horizon.isNegative()) {
            throw new IllegalArgumentException("casetracker.input.clock-skew and horizon must not be negative");
        }
    }
}
