package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Rows of one case in the {@code indicators} tables: its report ({@code indicator_case}), its counted steps
 * ({@code indicator_step}) and the communes that ran it from when ({@code indicator_commune}) — those the events of
 * one batch add, in the order of the events, or those stored. Immutable: each event gives a new value, so that a
 * handler that fails leaves the batch's value as it was.
 *
 * @param report the report's row, or null when the batch holds no report of the case
 * @param steps  the steps' rows, each with the instant it was recorded (UTC)
 * @param spells the communes' rows, each with the instant it was recorded (UTC)
 */
record IndicatorRows(Report report, List<FactHistory.RecordedStep> steps, List<FactHistory.RecordedSpell> spells) {

    /** No row yet. */
    static final IndicatorRows NONE = new IndicatorRows(null, List.of(), List.of());

    IndicatorRows {
        steps = List.copyOf(steps);
        spells = List.copyOf(spells);
    }

    /**
     * The plain fields of a report (<i>Mẫu 01</i>) as {@code indicator_case} keeps them: enum names, never personal
     * data.
     *
     * @param setting        null when the report named none
     * @param abuseForms     names of the forms of abuse (may be empty)
     * @param specialGroups  names of the groups of special circumstances (may be empty)
     * @param reportedAt     when the report was received (UTC), as PostgreSQL keeps it ({@link #stored})
     * @param recordedAt     when the report was recorded (UTC), as PostgreSQL keeps it
     */
    record Report(String childId, String communeCode, String category, String channel, String sex, int ageYears,
                  String setting, List<String> abuseForms, List<String> specialGroups, Instant reportedAt,
                  Instant recordedAt) {

        Report {
            abuseForms = List.copyOf(abuseForms);
            specialGroups = List.copyOf(specialGroups);
        }
    }

    /** With the case's report; a second report of the same case changes nothing, as its row is kept once. */
    IndicatorRows reported(Report row) {
        return report != null ? this : new IndicatorRows(row, steps, spells);
    }

    /** With one more counted step. */
    IndicatorRows stepped(FactHistory.RecordedStep step) {
        List<FactHistory.RecordedStep> more = new ArrayList<>(steps);
        more.add(step);
        return new IndicatorRows(report, more, spells);
    }

    /** With one more commune running the case (the reporting one, a transfer's, a carry-over's). */
    IndicatorRows ranBy(FactHistory.RecordedSpell spell) {
        List<FactHistory.RecordedSpell> more = new ArrayList<>(spells);
        more.add(spell);
        return new IndicatorRows(report, steps, more);
    }

    /**
     * These rows, then {@code later}'s, as the inserts leave them: a row under a key these rows hold already (the
     * report; a step or commune of the same sequence number) is kept, the later one dropped; steps and communes in
     * the order of their sequence numbers.
     */
    IndicatorRows then(IndicatorRows later) {
        return new IndicatorRows(report != null ? report : later.report,
                bySequence(steps, later.steps, s -> s.step().sequenceNumber()),
                bySequence(spells, later.spells, s -> s.spell().sequenceNumber()));
    }

    /**
     * Every commune these rows say ran the case: the reporting one and those of transfers and carry-overs — the only
     * communes its counted facts can count in.
     */
    Set<String> communes() {
        Set<String> communes = new HashSet<>();
        if (report != null) {
            communes.add(report.communeCode());
        }
        spells.forEach(spell -> communes.add(spell.spell().communeCode()));
        return communes;
    }

    /** What the facts of the case are derived from, or empty when its report is not among the rows. */
    Optional<FactHistory.CaseRecords> records(String caseId) {
        if (report == null) {
            return Optional.empty();
        }
        CaseFacts reported = new CaseFacts(caseId, report.childId(), report.communeCode(), null, null, null, 0, null,
                Set.of(), Set.of(), report.reportedAt(), List.of(), null);
        return Optional.of(new FactHistory.CaseRecords(reported, report.recordedAt(), steps, spells));
    }

    private static <T> List<T> bySequence(List<T> first, List<T> then, ToLongFunction<T> sequenceNumber) {
        if (then.isEmpty() && isOrdered(first, sequenceNumber)) {
            return first;
        }
        TreeMap<Long, T> rows = new TreeMap<>();
        first.forEach(row -> rows.putIfAbsent(sequenceNumber.applyAsLong(row), row));
        then.forEach(row -> rows.putIfAbsent(sequenceNumber.applyAsLong(row), row));
        return List.copyOf(rows.values());
    }

    private static <T> boolean isOrdered(List<T> rows, ToLongFunction<T> sequenceNumber) {
        for (int i = 1; i < rows.size(); i++) {
            if (sequenceNumber.applyAsLong(rows.get(i - 1)) >= sequenceNumber.applyAsLong(rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The instant as a {@code TIMESTAMPTZ} column keeps it: to the microsecond, half a microsecond and more rounded up
     * (what the PostgreSQL JDBC driver sends). Rows a batch holds in memory are derived from exactly as when they are
     * read back, so that a batch, a replay and one event at a time give the same counted facts.
     *
     * @return null for null
     */
    static Instant stored(Instant instant) {
        if (instant == null) {
            return null;
        }
        int belowMicros = instant.getNano() % 1000;
        Instant micros = instant.minusNanos(belowMicros);
        return belowMicros >= 500 ? micros.plusNanos(1000) : micros;
    }
}
