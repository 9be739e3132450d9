package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import vn.childprotection.casetracker.query.indicators.CaseFacts.CommuneSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.CaseRecords;
import vn.childprotection.casetracker.query.indicators.FactHistory.Recorded;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedStep;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * The counted facts kept in {@code indicator_fact} decide every period and as-of instant exactly as the whole case
 * does ({@link CaseFacts#countedIn} over the rows recorded by then, which is how indicators were counted before the
 * facts were kept): for random invented cases — steps of every kind, time limits met early, late or not at all,
 * transfers and carry-overs, closings and reopenings, steps typed late and out of order — and random periods and
 * instants, each measure counts the case in a period exactly when one fact row holds for it, and in the same commune.
 * Instants are drawn on a coarse grid around Vietnam's midnights so that they often fall on a period's first
 * instant or a recording instant exactly.
 */
class CountedFactsPropertyTest {

    private static final Instant ORIGIN = LocalDate.of(2024, 1, 1).atStartOfDay(ReportingPeriod.ZONE).toInstant();
    private static final List<String> COMMUNES = List.of("313-an-thai", "313-quoc-tuan", "31-xa-an-lao");
    private static final List<StepKind> STEP_KINDS = List.of(StepKind.INITIAL_ASSESSMENT,
            StepKind.EMERGENCY_MEASURES, StepKind.PLAN_APPROVED, StepKind.INTERVENTION_COMPLETED, StepKind.CLOSED,
            StepKind.REOPENED);
    private static final List<DeadlineRule> RULES = List.of(DeadlineRule.EMERGENCY_MEASURES,
            DeadlineRule.PLAN_DRAFTING, DeadlineRule.PLAN_APPROVAL);

    @Property(tries = 250)
    void every_period_and_as_of_instant_counts_a_case_where_its_whole_history_does(@ForAll long seed) {
        Random random = new Random(seed);
        CaseRecords records = randomCase(random);
        List<Recorded> history = FactHistory.of(records);
        List<Instant> asOfs = new ArrayList<>(List.of(records.reportRecordedAt()));
        records.steps().forEach(s -> asOfs.add(s.recordedAt()));
        for (int i = 0; i < 4; i++) {
            asOfs.add(instant(random, 40));
        }
        for (Instant asOf : asOfs) {
            Optional<CaseFacts> known = asRecordedBy(records, asOf);
            for (int p = 0; p < 12; p++) {
                LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(30) - 3);
                ReportingPeriod period = new ReportingPeriod(from, from.plusDays(random.nextInt(12)));
                for (Measure measure : Measure.values()) {
                    Optional<String> expected = known.flatMap(c -> c.countedIn(measure, period));
                    List<String> found = history.stream()
                            .filter(r -> !r.recordedAt().isAfter(asOf)
                                    && (r.supersededAt() == null || r.supersededAt().isAfter(asOf)))
                            .map(Recorded::fact)
                            .filter(f -> f.measure() == measure && f.countsIn(period.start(), period.end())
                                    && records.reported().reportedAt().isBefore(period.end()))
                            .map(CountedFact::communeCode).toList();
                    assertThat(found).as("%s in %s as of %s, seed %d", measure, period, asOf, seed)
                            .isEqualTo(expected.map(List::of).orElse(List.of()));
                }
            }
        }
    }

    @Property(tries = 100)
    void a_fact_that_holds_on_is_written_once_whatever_was_recorded_after_it(@ForAll long seed) {
        CaseRecords records = randomCase(new Random(seed));
        List<Recorded> history = FactHistory.of(records);

        // The report's instant never changes; the commune it counts in may, when a transfer or carry-over that
        // happened before it is entered late: then the earlier row is superseded and one row holds on.
        assertThat(history.stream().filter(r -> r.fact().measure() == Measure.REPORTED)
                .map(r -> r.fact().countedAt()).distinct().count()).isEqualTo(1);
        assertThat(history).filteredOn(r -> r.fact().measure() == Measure.REPORTED && r.supersededAt() == null)
                .hasSize(1);
        assertThat(history).allSatisfy(r -> assertThat(r.supersededAt() == null
                || r.supersededAt().isAfter(r.recordedAt())).isTrue());
    }

    /** The old way: the case with what had been recorded by {@code asOf}, or nothing before its report was. */
    private static Optional<CaseFacts> asRecordedBy(CaseRecords records, Instant asOf) {
        if (records.reportRecordedAt().isAfter(asOf)) {
            return Optional.empty();
        }
        CaseFacts c = records.reported();
        List<CaseStep> steps = records.steps().stream().filter(s -> !s.recordedAt().isAfter(asOf))
                .map(RecordedStep::step).toList();
        List<CommuneSpell> spells = records.spells().stream().filter(s -> !s.recordedAt().isAfter(asOf))
                .map(RecordedSpell::spell).toList();
        return Optional.of(new CaseFacts(c.caseId(), c.childId(), c.communeCode(), c.category(), c.channel(),
                c.sex(), c.ageYears(), c.setting(), c.abuseForms(), c.specialGroups(), c.reportedAt(), steps,
                spells.isEmpty() ? null : spells));
    }

    private static CaseRecords randomCase(Random random) {
        Instant reportedAt = instant(random, 30);
        Instant reportRecordedAt = random.nextInt(4) == 0 ? reportedAt.plus(Duration.ofDays(random.nextInt(20)))
                : reportedAt;
        String reportedIn = COMMUNES.get(random.nextInt(COMMUNES.size()));
        long sequence = 0;
        List<RecordedSpell> spells = new ArrayList<>();
        spells.add(new RecordedSpell(new CommuneSpell(sequence, reportedIn, reportedAt), reportRecordedAt));
        List<RecordedStep> steps = new ArrayList<>();
        int events = random.nextInt(9);
        for (int i = 0; i < events; i++) {
            sequence++;
            Instant occurredAt = reportedAt.plus(Duration.ofHours(random.nextInt(24 * 14)))
                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Instant recordedAt = random.nextInt(3) == 0 ? occurredAt.plus(Duration.ofDays(random.nextInt(15)))
                    : occurredAt.isBefore(reportRecordedAt) ? reportRecordedAt : occurredAt;
            int what = random.nextInt(10);
            if (what == 0) {
                spells.add(new RecordedSpell(new CommuneSpell(sequence, COMMUNES.get(random.nextInt(
                        COMMUNES.size())), occurredAt), recordedAt));
            } else if (what <= 3) {
                DeadlineRule rule = RULES.get(random.nextInt(RULES.size()));
                String id = "d-" + sequence;
                Instant dueAt = occurredAt.plus(Duration.ofHours(random.nextInt(24 * 3) + 1));
                steps.add(new RecordedStep(new CaseStep(sequence, StepKind.DEADLINE_SCHEDULED, occurredAt, id, rule,
                        dueAt), recordedAt));
                if (random.nextInt(4) != 0) {
                    sequence++;
                    Instant met = occurredAt.plus(Duration.ofHours(random.nextInt(24 * 4)));
                    steps.add(new RecordedStep(new CaseStep(sequence, StepKind.DEADLINE_FULFILLED, met, id, rule,
                            null), random.nextBoolean() ? recordedAt : met.plus(Duration.ofDays(random.nextInt(5)))));
                }
            } else {
                steps.add(new RecordedStep(new CaseStep(sequence, STEP_KINDS.get(random.nextInt(STEP_KINDS.size())),
                        occurredAt, null, null, null), recordedAt));
            }
        }
        CaseFacts reported = new CaseFacts("case-" + random.nextInt(1000), "child-1", reportedIn,
                CaseCategory.ABUSED, "HOTLINE_111", "FEMALE", 9, null, Set.of(), Set.of(), reportedAt, List.of(),
                null);
        return new CaseRecords(reported, reportRecordedAt, steps, spells);
    }

    /** An instant within {@code days} days of 1/1/2024 in Vietnam, often exactly a Vietnam midnight. */
    private static Instant instant(Random random, int days) {
        Instant day = ORIGIN.plus(Duration.ofDays(random.nextInt(days) - 3));
        return random.nextInt(3) == 0 ? day : day.plus(Duration.ofHours(random.nextInt(24)));
    }
}
