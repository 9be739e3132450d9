package vn.childprotection.casetracker.query.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.assertj.core.api.SoftAssertions;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.TimeLimitOutcome;

/**
 * Issue 11, item 1, as a property: for random due instants, random dates of the steps that meet the limits and random
 * moments at which they are typed (before the due instant, after it with the scheduler not yet fired, after it with
 * the miss already recorded), every view agrees with {@link TimeLimitOutcome#late}: the case file, the deadline
 * table of the overdue and risk registers (and neither lists the case as overdue), the work queue's
 * {@code completedLate}, the audit trail and the indicator ABUSED_HELPED_IN_TIME.
 * <p>
 * Each try is a batch of cases, appended together and then read, so the projections catch up once per batch: 3
 * tries of 10 cases. The audit trail's entries and the deadline states are read from their tables in one query
 * per batch (the API answers them as stored); the indicator is read over the batch's days, and must count exactly
 * its cases whose emergency measures are dated before the due instant. Runs on the module's one Spring context
 * (obtained through Spring's test context cache, as the JUnit tests do). Each case is reported in its own 9-day slot
 * from 2010 on (no other test uses those years).
 */
class TimeLimitViewsPropertyTest extends TimeLimitViewsSupport {

    private static final String COMMUNE = "313-quang-trung";
    private static final Instant FIRST_SLOT = Instant.parse("2010-01-04T01:00:00Z");
    private static final AtomicInteger SLOTS = new AtomicInteger();

    /** The step that meets one limit: seconds from the start to the due instant, the step's date and typing. */
    record Timing(long dueAfterStart, long stepFromDue, long typingDelay, boolean schedulerFiredFirst) {

        Entry entry(Instant start) {
            Instant dueAt = start.plusSeconds(dueAfterStart);
            Instant stepAt = dueAt.plusSeconds(stepFromDue);
            if (stepAt.isBefore(start.plusSeconds(120))) {
                stepAt = start.plusSeconds(120);
            }
            return new Entry(dueAt, stepAt, stepAt.plusSeconds(typingDelay), schedulerFiredFirst);
        }
    }

    record Scenario(Timing emergency, Timing intervention) {
    }

    private record Written(String caseId, Instant reportedAt, Entry emergency, Entry intervention, long version) {
    }

    @BeforeProperty
    void joinTheModulesSpringContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF, seed = "20261129")
    void every_view_agrees_with_the_comparison_of_the_steps_date_and_the_due_instant(
            @ForAll @Size(10) List<@From("scenarios") Scenario> batch) {
        List<Written> written = new ArrayList<>();
        for (Scenario scenario : batch) {
            written.add(write(scenario));
        }
        SoftAssertions softly = new SoftAssertions();
        Views views = read(written);
        for (Written w : written) {
            check(softly, w, views);
        }
        Instant first = written.get(0).reportedAt();
        Instant last = written.get(written.size() - 1).reportedAt();
        softly.assertThat(helpedInTime(COMMUNE, vietnamDay(first), vietnamDay(last).plusDays(6)))
                .as("indicators: the batch's cases whose emergency measures are dated before the due instant")
                .isEqualTo(written.stream().filter(w -> !TimeLimitOutcome.late(w.emergency().stepAt(),
                        w.emergency().dueAt())).count());
        softly.assertAll();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(timings(), timings()).as(Scenario::new);
    }

    private static Arbitrary<Timing> timings() {
        return Combinators.combine(
                Arbitraries.longs().between(3_600, 2 * 86_400),
                // Often exactly at the due instant or a second before it, where "in time" ends.
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(-2 * 86_400, 2 * 86_400)),
                        Tuple.of(1, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.just(-1L))),
                Arbitraries.longs().between(0, 2 * 86_400),
                Arbitraries.of(true, false)).as(Timing::new);
    }

    private Written write(Scenario scenario) {
        String caseId = newId("case");
        Instant reportedAt = FIRST_SLOT.plus(Duration.ofDays(9L * SLOTS.getAndIncrement()));
        Entry emergency = scenario.emergency().entry(reportedAt.plusSeconds(60));
        Entry intervention = scenario.intervention().entry(reportedAt.plusSeconds(600));
        appendCaseWithTwoLimits(caseId, newId("child"), COMMUNE, reportedAt, emergency.dueAt(),
                intervention.dueAt());
        long version = 6;
        version += appendMissIfFired(caseId, EMERGENCY, DeadlineRule.EMERGENCY_MEASURES, COMMUNE, null, emergency);
        version += appendEmergencyMeasures(caseId, emergency);
        version += appendMissIfFired(caseId, INTERVENTION, DeadlineRule.INTERVENTION_DUE, AGENCY, INTERVENTION_ID,
                intervention);
        version += appendInterventionCompleted(caseId, intervention);
        return new Written(caseId, reportedAt, emergency, intervention, version);
    }

    /** Every view of the batch, each read once the projection behind it holds every event of every case. */
    private record Views(Map<String, JsonNode> caseFiles, Map<String, String> registerStates,
                         Map<String, JsonNode> workItems, Set<String> overdue, Map<String, Boolean> riskOverdue,
                         Map<String, List<String>> audit) {
    }

    private Views read(List<Written> written) {
        Map<String, JsonNode> caseFiles = new HashMap<>();
        for (Written w : written) {
            caseFiles.put(w.caseId(), awaitCaseFile(w.caseId(), w.version()));
        }
        String[] ids = written.stream().map(Written::caseId).toArray(String[]::new);
        long events = written.stream().mapToLong(Written::version).sum();
        awaitSum("SELECT sum(version) FROM deadline_case WHERE case_id = ANY (?)", ids, events);
        awaitSum("SELECT sum(version) FROM work_case WHERE case_id = ANY (?)", ids, events);
        awaitSum("SELECT count(*) FROM audit_entry WHERE case_id = ANY (?)", ids, events);
        awaitSum("SELECT count(*) FROM indicator_step WHERE kind = 'DEADLINE_FULFILLED' AND case_id = ANY (?)", ids,
                2L * written.size());
        Map<String, String> states = new HashMap<>();
        jdbc.query("SELECT case_id, deadline_id, state FROM case_deadline WHERE case_id = ANY (?)",
                rs -> {
                    states.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
                }, (Object) ids);
        Map<String, List<String>> audit = new HashMap<>();
        jdbc.query("""
                SELECT case_id, action || ' ' || deadline_rule || ': ' || summary FROM audit_entry
                WHERE case_id = ANY (?) AND deadline_rule IS NOT NULL AND action <> 'DeadlineScheduled'""",
                rs -> {
                    audit.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, (Object) ids);
        Set<String> idSet = Set.of(ids);
        Map<String, JsonNode> items = new HashMap<>();
        PageWalk.rows(this::getJson, "/api/v1/agencies/" + AGENCY + "/work-queue", "items").stream()
                .filter(i -> idSet.contains(i.get("caseId").asString()))
                .forEach(i -> items.put(i.get("caseId").asString(), i));
        Set<String> overdue = new HashSet<>();
        PageWalk.rows(this::getJson, "/api/v1/overdue?commune=" + COMMUNE, "items")
                .forEach(i -> overdue.add(i.get("caseId").asString()));
        Map<String, Boolean> risk = new HashMap<>();
        PageWalk.rows(this::getJson, "/api/v1/risk-register?commune=" + COMMUNE, "cases")
                .forEach(e -> risk.put(e.get("caseId").asString(), e.get("overdue").asBoolean()));
        return new Views(caseFiles, states, items, overdue, risk, audit);
    }

    private void awaitSum(String sql, String[] ids, long expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(sql, Long.class, (Object) ids))
                .as(sql).isEqualTo(expected));
    }

    private void check(SoftAssertions softly, Written w, Views views) {
        boolean emergencyLate = TimeLimitOutcome.late(w.emergency().stepAt(), w.emergency().dueAt());
        boolean interventionLate = TimeLimitOutcome.late(w.intervention().stepAt(), w.intervention().dueAt());
        String about = w.caseId() + " emergency " + w.emergency() + ", intervention " + w.intervention();
        softly.assertThat(emergencyLate).as("the comparison, " + about).isEqualTo(w.emergency().stepLate());

        checkCaseFile(softly, views.caseFiles().get(w.caseId()), EMERGENCY, w.emergency(), emergencyLate, about);
        checkCaseFile(softly, views.caseFiles().get(w.caseId()), INTERVENTION, w.intervention(), interventionLate,
                about);
        softly.assertThat(views.registerStates().get(w.caseId() + "/" + EMERGENCY)).as("register, " + about)
                .isEqualTo(state(emergencyLate));
        softly.assertThat(views.registerStates().get(w.caseId() + "/" + INTERVENTION)).as("register, " + about)
                .isEqualTo(state(interventionLate));
        softly.assertThat(views.overdue()).as("overdue register, " + about).doesNotContain(w.caseId());
        softly.assertThat(views.riskOverdue()).as("risk register, " + about).containsEntry(w.caseId(), false);
        JsonNode item = views.workItems().get(w.caseId());
        softly.assertThat(item).as("work queue, " + about).isNotNull();
        if (item != null) {
            softly.assertThat(item.get("completedLate").asBoolean()).as("work queue, " + about)
                    .isEqualTo(interventionLate);
            softly.assertThat(item.get("overdue").asBoolean()).as("work queue, " + about).isFalse();
        }
        List<String> expectedAudit = new ArrayList<>(audit(DeadlineRule.EMERGENCY_MEASURES, w.emergency(),
                emergencyLate));
        expectedAudit.addAll(audit(DeadlineRule.INTERVENTION_DUE, w.intervention(), interventionLate));
        softly.assertThat(views.audit().get(w.caseId())).as("audit trail, " + about)
                .containsExactlyInAnyOrderElementsOf(expectedAudit);
    }

    private void checkCaseFile(SoftAssertions softly, JsonNode caseFile, String deadlineId, Entry entry, boolean late,
                               String about) {
        JsonNode deadline = caseFile.get("deadlines").values().stream()
                .filter(d -> d.get("deadlineId").asString().equals(deadlineId)).findFirst().orElseThrow();
        softly.assertThat(deadline.get("state").asString()).as("case file " + deadlineId + ", " + about)
                .isEqualTo(state(late));
        softly.assertThat(deadline.get("recordedLate").asBoolean()).as("case file recordedLate, " + about)
                .isEqualTo(!entry.typedAt().isBefore(entry.dueAt()));
        softly.assertThat(deadline.get("missCorrectedAt").isNull()).as("case file correction, " + about)
                .isEqualTo(!(entry.missRecorded() && !late));
    }

    /** What the audit trail must say of a limit's end (and of its recorded miss, if any). */
    private static List<String> audit(DeadlineRule rule, Entry entry, boolean late) {
        List<String> lines = new ArrayList<>();
        if (entry.missRecorded()) {
            lines.add("DeadlineMissed " + rule + ": missed, due " + entry.dueAt());
            if (!late) {
                lines.add("DeadlineMissCorrected " + rule + ": miss corrected: met " + entry.stepAt() + ", due "
                        + entry.dueAt());
            }
        }
        lines.add("DeadlineFulfilled " + rule + ": fulfilled " + (late ? "late" : "in time")
                + (entry.typedAt().isBefore(entry.dueAt()) ? "" : " (recorded late)"));
        return lines;
    }

    private static String state(boolean late) {
        return late ? "FULFILLED_LATE" : "MET";
    }
}
