package vn.childprotection.casetracker.query.indicators;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rows one case has in {@code indicator_fact}, as {@link IndicatorFactWriter} writes them from the case's rows
 * ({@link IndicatorRows}): each counted fact with the recording instants between which it held
 * ({@link FactHistory}), all carrying the plain fields of the case's report. Two equal values are the same rows,
 * column for column, so a count over any communes, period and {@code asOf} reads the same from both.
 *
 * @param report the report whose fields every row carries; null when the case has no report row (then no facts)
 * @param facts  the facts over recording time, each once (empty without a report)
 */
record CaseFactRows(IndicatorRows.Report report, Set<FactHistory.Recorded> facts) {

    /** A case without any fact row. */
    static final CaseFactRows NONE = new CaseFactRows(null, Set.of());

    CaseFactRows {
        facts = Set.copyOf(facts);
    }

    /**
     * The fact rows derived from a case's rows, as the writer derives them.
     *
     * @param caseId the case
     * @param rows   its rows in {@code indicator_case}, {@code indicator_step} and {@code indicator_commune}
     * @return its fact rows; {@link #NONE} when the rows hold no report
     */
    static CaseFactRows of(String caseId, IndicatorRows rows) {
        return rows.records(caseId).map(records -> new CaseFactRows(rows.report(),
                Set.copyOf(FactHistory.of(records)))).orElse(NONE);
    }

    /**
     * The communes whose rows differ between {@code before} and these rows: those of every fact row that is in one
     * and not in the other (a fact of a commune that neither gained nor lost a row leaves its count as it was). When
     * the report differs, every row differs (each carries the report's fields): the communes of all of them.
     *
     * @param before the case's fact rows before
     * @return the communes a count of which can change from {@code before} to these rows (empty when equal)
     */
    Set<String> communesChangedFrom(CaseFactRows before) {
        Set<String> communes = new HashSet<>();
        boolean sameReport = Objects.equals(report, before.report);
        facts.stream().filter(fact -> !sameReport || !before.facts.contains(fact))
                .forEach(fact -> communes.add(fact.fact().communeCode()));
        before.facts.stream().filter(fact -> !sameReport || !facts.contains(fact))
                .forEach(fact -> communes.add(fact.fact().communeCode()));
        return communes;
    }
}
