package vn.childprotection.casetracker.query.reports;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.childprotection.casetracker.query.indicators.IndicatorService;
import vn.childprotection.casetracker.query.indicators.IndicatorSet;
import vn.childprotection.casetracker.query.indicators.MaxStale;
import vn.childprotection.casetracker.query.indicators.ReportingPeriod;

/**
 * Builds the periodic reports (<i>báo cáo định kỳ</i>) from the indicators and the plan's targets, for the period
 * and due date configured for each kind.
 */
@Service
public class ReportService {

    private final IndicatorService indicators;
    private final PlanTargetsService targets;
    private final ReportPeriodProperties periods;

    public ReportService(IndicatorService indicators, PlanTargetsService targets, ReportPeriodProperties periods) {
        this.indicators = indicators;
        this.targets = targets;
        this.periods = periods;
    }

    /** The period a report of this kind and year covers. */
    public ReportingPeriod period(ReportKind kind, int year) {
        return periods.rule(kind).period(year);
    }

    /**
     * The report of an org unit for a year, as recorded by {@code asOf} (everything recorded when null). Not in a
     * transaction of its own: each count runs its own read-only transaction only once its turn comes
     * ({@link IndicatorService#count}), so no connection is held while it waits.
     *
     * @param maxStale how old the counts may be ({@link MaxStale#NOT_ASKED}: of the current facts); the report's
     *                 {@code countedAt} is the earliest instant its figures are of
     */
    public StatutoryReport report(ReportKind kind, int year, String orgUnit, Instant asOf, MaxStale maxStale) {
        ReportingPeriod period = period(kind, year);
        IndicatorSet counted = indicators.count(orgUnit, period, asOf, List.of(), maxStale);
        // The targets are made last, from this count and the year before's: their instants are the report's.
        PlanTargets planTargets = targets.targets(counted, year, maxStale);
        return new StatutoryReport(kind.path(), kind.labelVi(), kind.labelEn(), year, period.from(), period.to(),
                periods.rule(kind).dueDate(year), counted.orgUnit(), counted.orgUnitNameVi(),
                counted.orgUnitNameEn(), asOf, planTargets.generatedAt(), planTargets.countedAt(), counted.communes(),
                counted.inTimeRule(), counted.groups(), counted.indicators(), planTargets);
    }
}
