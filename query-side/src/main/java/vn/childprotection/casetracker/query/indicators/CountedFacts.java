package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns what is known of a case ({@link CaseFacts}, as recorded by some instant) into its {@link CountedFact}s: the
 * few rows from which any period's count is read, so that a question costs what its period holds, not the store.
 * <p>
 * Each measure of {@link CaseFacts#countedIn} becomes rows as follows.
 * <ul>
 *   <li>Reported, followed, helped in time: counted on the report's instant, in the commune that ran the case then.
 *       Followed holds for periods ending after the first initial assessment; helped in time holds for the stretches
 *       of period ends over which {@link CaseFacts#helpedInTimeBy} says so.</li>
 *   <li>Supported, closed: one row per distinct instant of the step, each knowing the previous one, so that exactly
 *       the first of a period counts.</li>
 *   <li>Open at the end: one row per stretch of period ends over which the case stands reported and not closed in
 *       the same commune.</li>
 * </ul>
 * Whatever the period ends on, what {@link CaseFacts} answers can only change at an instant some fact of the case
 * happened (a report, a step, a change of commune), since it compares those instants with the period's end only by
 * "before". So the stretches are cut at those instants and each is decided once, at its last end.
 */
final class CountedFacts {

    private CountedFacts() {
    }

    /** The counted facts of one case, each distinct. */
    static List<CountedFact> of(CaseFacts c) {
        List<CountedFact> facts = new ArrayList<>();
        Instant reported = c.reportedAt();
        String reportedIn = c.communeAt(reported);
        facts.add(new CountedFact(Measure.REPORTED, reportedIn, reported, null, null, null));
        c.steps().stream().filter(s -> s.kind() == StepKind.INITIAL_ASSESSMENT).map(CaseStep::occurredAt)
                .min(Instant::compareTo).ifPresent(assessed -> facts.add(new CountedFact(Measure.FOLLOWED,
                        reportedIn, reported, null, assessed, null)));
        firstInPeriod(facts, c, Measure.SUPPORTED, Set.of(StepKind.EMERGENCY_MEASURES, StepKind.PLAN_APPROVED));
        firstInPeriod(facts, c, Measure.CLOSED_IN_PERIOD, Set.of(StepKind.CLOSED));
        List<Instant> cuts = cuts(c);
        overPeriodEnds(facts, cuts, end -> c.helpedInTimeBy(end) ? reportedIn : null, (commune, after, until) ->
                new CountedFact(Measure.HELPED_IN_TIME, commune, reported, null, after, until));
        overPeriodEnds(facts, cuts, end -> reported.isBefore(end) && !c.closedAt(end)
                ? c.communeAt(end.minusNanos(1)) : null, (commune, after, until) ->
                new CountedFact(Measure.OPEN_AT_END, commune, null, null, after, until));
        return List.copyOf(facts);
    }

    private static void firstInPeriod(List<CountedFact> facts, CaseFacts c, Measure measure, Set<StepKind> kinds) {
        TreeSet<Instant> instants = new TreeSet<>();
        c.steps().stream().filter(s -> kinds.contains(s.kind())).forEach(s -> instants.add(s.occurredAt()));
        Instant previous = null;
        for (Instant at : instants) {
            facts.add(new CountedFact(measure, c.communeAt(at), at, previous, null, null));
            previous = at;
        }
    }

    /** Every instant at which something the measures compare with a period's end happened, in order, each once. */
    private static List<Instant> cuts(CaseFacts c) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(c.reportedAt());
        c.steps().forEach(s -> cuts.add(s.occurredAt()));
        c.communes().forEach(spell -> cuts.add(spell.since()));
        return List.copyOf(cuts);
    }

    /** Builds the row of a stretch of period ends {@code (after, until]} over which the case counts in a commune. */
    private interface Stretch {
        CountedFact fact(String commune, Instant after, Instant until);
    }

    /**
     * Decides a measure for every stretch of period ends between two cuts — (-∞, c1], (c1, c2], …, (cn, +∞) — at the
     * stretch's last end (any end of it answers alike), and adds one row per run of stretches counting in the same
     * commune.
     *
     * @param countsIn the commune the case counts in for a period ending (exclusive) at the given instant, or null
     */
    private static void overPeriodEnds(List<CountedFact> facts, List<Instant> cuts, Function<Instant, String> countsIn,
                                       Stretch stretch) {
        Instant last = cuts.get(cuts.size() - 1);
        List<Instant> ends = Stream.concat(cuts.stream(), Stream.of(last.plusNanos(1))).toList();
        String runCommune = null;
        Instant runAfter = null;
        for (int i = 0; i < ends.size(); i++) {
            String commune = countsIn.apply(ends.get(i));
            Instant after = i == 0 ? null : cuts.get(i - 1);
            if (!Objects.equals(commune, runCommune)) {
                if (runCommune != null) {
                    facts.add(stretch.fact(runCommune, runAfter, after));
                }
                runCommune = commune;
                runAfter = after;
            }
        }
        if (runCommune != null) {
            facts.add(stretch.fact(runCommune, runAfter, null));
        }
    }
}
