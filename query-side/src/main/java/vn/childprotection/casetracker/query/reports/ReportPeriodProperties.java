package vn.childprotection.casetracker.query.reports;

import java.time.LocalDate;
import java.time.MonthDay;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.childprotection.casetracker.query.indicators.ReportingPeriod;

/**
 * The period and due date of each periodic report, {@code casetracker.reports.*}; defaults in
 * {@code casetracker-query.properties}, where the Decree 09/2019 and calendar-year presets are written out too.
 * <p>
 * The default follows the 2023 plan: communes report every six months before 20 May and every year before
 * 15 November. Decree 09/2019/NĐ-CP Art 12 cut-offs (14/6, 14/12) fall after those dates, so the default periods end
 * six days before each due date, keeping Decree 09's rule of at least one working day between cut-off and sending:
 * semi-annual 15/11 of the previous year to 14/5, annual 15/11 of the previous year to 14/11 (domain.md section 6b).
 */
@ConfigurationProperties("casetracker.reports")
public record ReportPeriodProperties(Rule semiannual, Rule annual) {

    public ReportPeriodProperties {
        if (semiannual == null || annual == null) {
            throw new IllegalArgumentException("casetracker.reports.semiannual.* and casetracker.reports.annual.* "
                    + "are required");
        }
    }

    public Rule rule(ReportKind kind) {
        return kind == ReportKind.SEMIANNUAL ? semiannual : annual;
    }

    /**
     * @param firstDay              month and day the period starts, {@code MM-DD}, e.g. {@code 11-15}
     * @param startsInPreviousYear  whether it starts in the year before the report's year
     * @param lastDay               month and day the period ends (included), in the report's year
     * @param due                   month and day the report is due, in the report's year
     */
    public record Rule(String firstDay, boolean startsInPreviousYear, String lastDay, String due) {

        public Rule {
            monthDay("first-day", firstDay);
            monthDay("last-day", lastDay);
            monthDay("due", due);
        }

        public ReportingPeriod period(int year) {
            LocalDate from = monthDay("first-day", firstDay).atYear(startsInPreviousYear ? year - 1 : year);
            return new ReportingPeriod(from, monthDay("last-day", lastDay).atYear(year));
        }

        public LocalDate dueDate(int year) {
            return monthDay("due", due).atYear(year);
        }

        private static MonthDay monthDay(String name, String value) {
            try {
                return MonthDay.parse("--" + value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("casetracker.reports.*." + name + " must be a month and day "
                        + "MM-DD, not " + value);
            }
        }
    }
}
