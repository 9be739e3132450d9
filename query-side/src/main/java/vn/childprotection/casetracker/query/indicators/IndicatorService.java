package vn.childprotection.casetracker.query.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * Counts the defined indicators for an area (org unit or reporting group), a period and an as-of instant.
 */
@Service
public class IndicatorService {

    /** Stated with every answer, since "in time" has no official definition (domain.md section 6b). */
    public static final String IN_TIME_RULE = "Hỗ trợ, can thiệp kịp thời: khi có yếu tố khẩn cấp, biện pháp can "
            + "thiệp khẩn cấp được thực hiện trong thời hạn (mặc định 12 giờ kể từ khi nhận thông báo); các trường "
            + "hợp khác, kế hoạch hỗ trợ, can thiệp được xây dựng và phê duyệt, mỗi bước trong thời hạn của bước đó "
            + "(mặc định 5 và 2 ngày làm việc). / Helped in time: where an emergency was found, emergency measures "
            + "were taken within their time limit (12 hours from the report by default); otherwise the support plan "
            + "was drafted and approved, each within its own time limit (5 and 2 working days by default). Counted by "
            + "the end of the period.";

    private final IndicatorDefinitions definitions;
    private final IndicatorAnswers answers;
    private final IndicatorCells cells;
    private final ReportingUnits reportingUnits;
    private final Clock clock;

    IndicatorService(IndicatorDefinitions definitions, IndicatorAnswers answers, IndicatorCells cells,
                     ReportingUnits reportingUnits, Clock clock) {
        this.definitions = definitions;
        this.answers = answers;
        this.cells = cells;
        this.reportingUnits = reportingUnits;
        this.clock = clock;
    }

    /**
     * Counts what a request asked for, after checking it: a known area (commune, district, province, or a reporting
     * group such as {@code former-313}) in the structure known at {@code asOf}, a period that does not end before it
     * starts, known indicator codes (400 naming the parameter otherwise).
     *
     * @param includePredecessors add the communes that ceased into the area's communes (trends across a merger)
     * @param maxStale            how old an answer the request accepts ({@link MaxStale#NOT_ASKED}: the current
     *                            facts only)
     */
    public IndicatorSet countAsked(String orgUnitCode, LocalDate from, LocalDate to, Instant asOf,
                                   List<String> codes, boolean includePredecessors, MaxStale maxStale) {
        reportingUnits.require("orgUnit", orgUnitCode, asOf, includePredecessors);
        if (to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        List<String> asked = codes == null ? List.of() : codes;
        for (String code : asked) {
            if (definitions.find(code).isEmpty()) {
                throw new BadRequestException("code", "is not a defined indicator: " + code);
            }
        }
        return count(orgUnitCode, new ReportingPeriod(from, to), asOf, asked, includePredecessors, maxStale);
    }

    /**
     * Counts an area already checked, without its predecessors.
     *
     * @param codes    the indicators to count, or every defined one when empty (codes must be known)
     * @param maxStale how old an answer the request accepts ({@link MaxStale#NOT_ASKED}: the current facts only)
     */
    public IndicatorSet count(String orgUnitCode, ReportingPeriod period, Instant asOf, Collection<String> codes,
                              MaxStale maxStale) {
        return count(orgUnitCode, period, asOf, codes, false, maxStale);
    }

    /**
     * Counts an area already checked: each case once, in the commune that ran it when its counted fact happened,
     * among the area's communes in the structure known at {@code asOf}. PostgreSQL counts ({@link
     * IndicatorFactsRepository#count}, one statement for every indicator asked); only the cells come back, and they
     * are given again while the facts of those communes do not change ({@link IndicatorAnswers}). Runs its own
     * read-only transaction when it counts; call it outside a transaction, so that no connection is held while a
     * count waits for its turn ({@link CountingBulkhead}). With {@code maxStale} asked, the cells may come from facts
     * counted earlier ({@link IndicatorAnswers}); the answer's {@code countedAt} says as of which instant. Otherwise
     * {@code countedAt} is {@code generatedAt}: the facts were read as current during this call.
     *
     * @param codes    the indicators to count, or every defined one when empty (codes must be known)
     * @param maxStale how old an answer the request accepts ({@link MaxStale#NOT_ASKED}: the current facts only)
     * @throws IndicatorsRebuildingException if the facts do not hold every case yet (503)
     * @throws CountingBusyException         if too many counts run at once (503)
     */
    public IndicatorSet count(String orgUnitCode, ReportingPeriod period, Instant asOf, Collection<String> codes,
                              boolean includePredecessors, MaxStale maxStale) {
        ReportingScope scope = reportingUnits.scope(orgUnitCode, asOf, includePredecessors);
        Set<String> communes = scope.communes();
        List<IndicatorDefinition> asked = definitions.indicators().stream()
                .filter(definition -> codes.isEmpty() || codes.contains(definition.code())).toList();
        CountedAnswer counted = answers.counted(communes, period, asOf, asked, maxStale);
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorDefinition definition : asked) {
            values.add(cells.value(definition, counted.cells().get(definition.code()), communes));
        }
        Instant now = clock.instant();
        Instant generatedAt = counted.earlier() && counted.countedAt().isAfter(now) ? counted.countedAt() : now;
        return new IndicatorSet(scope.code(), scope.nameVi(), scope.nameEn(), period.from(), period.to(), asOf,
                generatedAt, counted.earlier() ? counted.countedAt() : generatedAt, List.copyOf(communes), scope.reportingGroup(), scope.includePredecessors(),
                scope.splitPredecessors(), IN_TIME_RULE, definitions.groups(), List.copyOf(values));
    }
}
