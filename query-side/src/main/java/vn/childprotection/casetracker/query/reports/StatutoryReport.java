package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.query.indicators.IndicatorGroup;
import vn.childprotection.casetracker.query.indicators.IndicatorValue;

/**
 * A periodic report (<i>báo cáo định kỳ</i>): the indicators for the report's period and org unit, and the plan's
 * targets beside them.
 *
 * @param kind        {@code semiannual} or {@code annual}
 * @param asOf        what had been recorded by this instant was counted; null when everything recorded by
 *                    {@code countedAt}. Asking again with the same asOf gives the same figures.
 * @param countedAt   the instant (UTC) the counted facts are those of: {@code generatedAt}, or, when a count was given
 *                    from earlier facts on {@code Cache-Control: max-stale}, the earliest instant of those
 * @param communes    the communes whose cases were counted
 */
@Schema(name = "StatutoryReport")
public record StatutoryReport(String kind, String titleVi, String titleEn, int year, LocalDate from, LocalDate to,
                              LocalDate dueDate, String orgUnit, String orgUnitNameVi, String orgUnitNameEn,
                              Instant asOf, Instant generatedAt, Instant countedAt, List<String> communes,
                              String inTimeRule, List<IndicatorGroup> groups, List<IndicatorValue> indicators,
                              PlanTargets targets) {
}
