package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The counted facts of one case over recording time, so that a question asked as of an instant reads what had been
 * recorded by then (a report once sent is reproduced exactly after late records arrive).
 * <p>
 * At each instant something of the case was recorded (its report, a step, a change of commune) the facts are
 * derived again from what had been recorded by then; a fact holds, as of an instant {@code asOf}, from the recording
 * that brought it ({@code recordedAt <= asOf}) until the one that took it away ({@code asOf < supersededAt}).
 */
final class FactHistory {

    private FactHistory() {
    }

    /** A counted fact with the recording instants between which it held. */
    record Recorded(CountedFact fact, Instant recordedAt, Instant supersededAt) {
    }

    /** What one case's rows hold, each row with the instant it was recorded (UTC). */
    record CaseRecords(CaseFacts reported, Instant reportRecordedAt, List<RecordedStep> steps,
                       List<RecordedSpell> spells) {
    }

    record RecordedStep(CaseStep step, Instant recordedAt) {
    }

    record RecordedSpell(CaseFacts.CommuneSpell spell, Instant recordedAt) {
    }

    /**
     * Every fact the case ever had, from the recording of its report on.
     */
    static List<Recorded> of(CaseRecords records) {
        Instant first = records.reportRecordedAt();
        TreeSet<Instant> recordings = new TreeSet<>();
        recordings.add(first);
        records.steps().forEach(s -> recordings.add(s.recordedAt()));
        records.spells().forEach(s -> recordings.add(s.recordedAt()));
        List<Recorded> history = new ArrayList<>();
        Map<CountedFact, Instant> holding = new LinkedHashMap<>();
        for (Instant at : recordings.tailSet(first, true)) {
            Set<CountedFact> now = new LinkedHashSet<>(CountedFacts.of(asRecordedBy(records, at)));
            holding.entrySet().removeIf(held -> {
                if (now.contains(held.getKey())) {
                    return false;
                }
                history.add(new Recorded(held.getKey(), held.getValue(), at));
                return true;
            });
            now.forEach(fact -> holding.putIfAbsent(fact, at));
        }
        holding.forEach((fact, since) -> history.add(new Recorded(fact, since, null)));
        return history;
    }

    /** The case as recorded by {@code at}: its steps and changes of commune recorded by then, in their order. */
    private static CaseFacts asRecordedBy(CaseRecords records, Instant at) {
        CaseFacts c = records.reported();
        List<CaseStep> steps = records.steps().stream().filter(s -> !s.recordedAt().isAfter(at))
                .map(RecordedStep::step).toList();
        List<CaseFacts.CommuneSpell> spells = records.spells().stream().filter(s -> !s.recordedAt().isAfter(at))
                .map(RecordedSpell::spell).toList();
        return new CaseFacts(c.caseId(), c.childId(), c.communeCode(), c.category(), c.channel(), c.sex(),
                c.ageYears(), c.setting(), c.abuseForms(), c.specialGroups(), c.reportedAt(), steps, spells);
    }
}
