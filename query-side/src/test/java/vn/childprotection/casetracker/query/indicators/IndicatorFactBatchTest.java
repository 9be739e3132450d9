package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.indicators.CaseFacts.CommuneSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.CaseRecords;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedStep;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The {@code indicators} projection writes a batch of events at once (several events of each of several cases, one
 * commit), deriving each case's counted facts once for the batch. The rows it leaves must be exactly those of the
 * events applied one at a time: the facts {@link FactHistory} derives from the case's whole record, which the test
 * writes down itself from the events it appends (steps recorded late and out of order, a transfer entered after
 * what followed it, a later batch adding to rows already stored, an instant finer than PostgreSQL keeps), each
 * fact with its case's report fields (V3_12). Cases of
 * 2011, a year no other test of the module uses.
 */
class IndicatorFactBatchTest extends QuerySideIntegrationTest {

    private static final String ADMIN = "/api/v1/admin/projections/indicators";
    private static final Instant T0 = Instant.parse("2011-03-01T01:00:00Z");
    private static final String COMMUNE = "313-an-thai";
    private static final String RECEIVING = "313-an-tien";

    @Test
    void a_batch_of_several_events_of_several_cases_leaves_the_facts_each_case_has_on_its_own() {
        Story a = new Story(T0, T0);
        a.step(new InitialAssessmentRecorded(a.id, hours(1), RiskLevel.HIGH, true, null), hours(1),
                StepKind.INITIAL_ASSESSMENT, hours(1));
        a.deadline(DeadlineRule.EMERGENCY_MEASURES, "d-em", hours(1), hours(13), hours(1));
        a.step(new EmergencyMeasuresTaken(a.id, hours(2), List.of(EmergencyMeasure.SAFE_PLACE), null, null),
                hours(2), StepKind.EMERGENCY_MEASURES, hours(2));
        a.fulfilled(DeadlineRule.EMERGENCY_MEASURES, "d-em", hours(2), hours(2));
        a.step(new CaseClosed(a.id, days(30), "NO_FURTHER_RISK", null, null), days(30), StepKind.CLOSED, days(30));
        a.step(new CaseReopened(a.id, days(40), null), days(40), StepKind.REOPENED, days(40));

        Story b = new Story(days(1), days(1));
        b.step(new InitialAssessmentRecorded(b.id, days(1).plusSeconds(60), RiskLevel.MEDIUM, false, null),
                days(1).plusSeconds(60), StepKind.INITIAL_ASSESSMENT, days(1).plusSeconds(60));
        b.deadline(DeadlineRule.PLAN_DRAFTING, "d-pd", days(1), days(8), days(1));
        b.transferred(days(5), days(5));
        b.step(new SupportPlanApproved(b.id, days(10), 1), days(10), StepKind.PLAN_APPROVED, days(10));
        b.step(new InterventionStatusChanged(b.id, days(20), "i-1", "313-health-centre", InterventionStatus.ASSIGNED,
                InterventionStatus.IN_PROGRESS, null), days(20), null, null);
        b.step(new InterventionStatusChanged(b.id, days(25), "i-1", "313-health-centre",
                InterventionStatus.IN_PROGRESS, InterventionStatus.COMPLETED, null), days(25),
                StepKind.INTERVENTION_COMPLETED, days(25));

        // Recorded late and out of order; the assessment's instant is finer than a microsecond: 1.7 µs is kept as
        // 2 µs, the recording's 0.4 µs as none, as PostgreSQL keeps them and one event at a time reads them back.
        Story c = new Story(days(2), days(6));
        c.step(new CaseClosed(c.id, days(3), "NO_FURTHER_RISK", null, null), days(9), StepKind.CLOSED, days(3));
        c.step(new InitialAssessmentRecorded(c.id, days(2).plusNanos(1_700), RiskLevel.LOW, false, null),
                days(8).plusNanos(400), days(8), StepKind.INITIAL_ASSESSMENT, days(2).plusNanos(2_000));

        Story d = new Story(days(4), days(4));

        publishInterleaved(List.of(a, b, c, d));
        awaitCaughtUp();
        for (Story story : List.of(a, b, c, d)) {
            story.assertRowsAndFacts();
        }

        // A second batch adds to rows already stored: a transfer that happened before the closing, entered after it,
        // a closing of the reopened case, a step of a case recorded late.
        a.transferred(days(20), days(45));
        a.step(new CaseClosed(a.id, days(50), "NO_FURTHER_RISK", null, null), days(50), StepKind.CLOSED, days(50));
        c.step(new CaseReopened(c.id, days(12), null), days(12), StepKind.REOPENED, days(12));
        publishInterleaved(List.of(a, c));
        awaitCaughtUp();
        for (Story story : List.of(a, b, c, d)) {
            story.assertRowsAndFacts();
        }
    }

    /**
     * The facts of one case are refused in the middle of a batch (a constraint the test adds, then removes as a
     * deployed fix removes a defect): the batch is written again event by event, that case's events are parked, every
     * other case of the batch keeps exactly its facts, and the retry after the fix applies the parked ones.
     */
    @Test
    void a_case_refused_in_the_middle_of_a_batch_is_parked_and_the_other_cases_of_the_batch_keep_their_facts() {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Story story = new Story(days(60 + i), days(60 + i));
            story.step(new InitialAssessmentRecorded(story.id, days(61 + i), RiskLevel.LOW, false, null),
                    days(61 + i), StepKind.INITIAL_ASSESSMENT, days(61 + i));
            story.step(new CaseClosed(story.id, days(70 + i), "NO_FURTHER_RISK", null, null), days(70 + i),
                    StepKind.CLOSED, days(70 + i));
            stories.add(story);
        }
        Story refused = stories.get(2);
        jdbc.execute("ALTER TABLE indicator_fact ADD CONSTRAINT test_refused_facts CHECK (case_id <> '"
                + refused.id + "')");
        try {
            publishInterleaved(stories);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(parkedOf(refused.id)).containsExactly(
                    "CaseReported PARKED", "InitialAssessmentRecorded WAITING", "CaseClosed WAITING"));
            awaitCaughtUp();
            for (Story story : stories) {
                if (story != refused) {
                    story.assertRowsAndFacts();
                }
            }
            for (String table : List.of("indicator_case", "indicator_step", "indicator_commune", "indicator_fact")) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE case_id = ?", Long.class,
                        refused.id)).as(table).isZero();
            }
        } finally {
            jdbc.execute("ALTER TABLE indicator_fact DROP CONSTRAINT test_refused_facts");
        }

        HttpResponse<String> retry = postAs(COORDINATOR.username(), ADMIN + "/dead-letters/retry", "");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(body(retry).get("casesCleared").asInt()).isEqualTo(1);
        assertThat(parkedOf(refused.id)).isEmpty();
        refused.assertRowsAndFacts();
    }

    /**
     * One invented case: the events appended for it (each with the instant it was recorded) and, written down apart,
     * the rows they give as PostgreSQL keeps them, from which the expected facts are derived.
     */
    private final class Story {

        final String id = newId("factbatch");
        final CaseFacts reported;
        final Instant reportRecordedAt;
        final List<RecordedStep> steps = new ArrayList<>();
        final List<RecordedSpell> spells = new ArrayList<>();
        final List<EventMessage<?>> unpublished = new ArrayList<>();
        long next;

        Story(Instant reportedAt, Instant recordedAt) {
            append(reported(id, "child-" + id, COMMUNE, reportedAt), recordedAt);
            reported = new CaseFacts(id, "child-" + id, COMMUNE, null, null, null, 0, null, Set.of(), Set.of(),
                    reportedAt, List.of(), null);
            reportRecordedAt = recordedAt;
            spells.add(new RecordedSpell(new CommuneSpell(0, COMMUNE, reportedAt), recordedAt));
        }

        /** An event that is a counted step of {@code kind} ({@code null}: not counted) happening at {@code at}. */
        void step(CaseEvent event, Instant recordedAt, StepKind kind, Instant at) {
            step(event, recordedAt, recordedAt, kind, at);
        }

        /** As {@link #step(CaseEvent, Instant, StepKind, Instant)}, recorded at an instant kept as {@code kept}. */
        void step(CaseEvent event, Instant recordedAt, Instant kept, StepKind kind, Instant at) {
            long sequenceNumber = append(event, recordedAt);
            if (kind != null) {
                steps.add(new RecordedStep(new CaseStep(sequenceNumber, kind, at, null, null, null), kept));
            }
        }

        void deadline(DeadlineRule rule, String deadlineId, Instant at, Instant dueAt, Instant recordedAt) {
            long sequenceNumber = append(scheduled(id, at, deadlineId, rule, dueAt, COMMUNE, null), recordedAt);
            steps.add(new RecordedStep(new CaseStep(sequenceNumber, StepKind.DEADLINE_SCHEDULED, at, deadlineId,
                    rule, dueAt), recordedAt));
        }

        void fulfilled(DeadlineRule rule, String deadlineId, Instant at, Instant recordedAt) {
            long sequenceNumber = append(new DeadlineFulfilled(id, at, deadlineId, rule, null, false), recordedAt);
            steps.add(new RecordedStep(new CaseStep(sequenceNumber, StepKind.DEADLINE_FULFILLED, at, deadlineId,
                    rule, null), recordedAt));
        }

        void transferred(Instant at, Instant recordedAt) {
            long sequenceNumber = append(new CaseTransferred(id, at, COMMUNE, RECEIVING, null), recordedAt);
            spells.add(new RecordedSpell(new CommuneSpell(sequenceNumber, RECEIVING, at), recordedAt));
        }

        private long append(CaseEvent event, Instant recordedAt) {
            long sequenceNumber = next++;
            unpublished.add(new GenericDomainEventMessage<>("CaseFile", id, sequenceNumber, event,
                    Map.of(ActorMetaData.USER, WORKER.username(), ActorMetaData.ORG_UNIT, WORKER.orgUnit(),
                            ActorMetaData.ROLE, WORKER.role().name()), UUID.randomUUID().toString(), recordedAt));
            return sequenceNumber;
        }

        void assertRowsAndFacts() {
            assertThat(rows("SELECT sequence_number, kind, occurred_at, recorded_at, deadline_id, deadline_rule, "
                    + "due_at FROM indicator_step WHERE case_id = ? ORDER BY sequence_number")).as("steps of %s", id)
                    .containsExactlyElementsOf(steps.stream().map(s -> line(s.step().sequenceNumber(),
                            s.step().kind(), s.step().occurredAt(), s.recordedAt(), s.step().deadlineId(),
                            s.step().rule(), s.step().dueAt())).toList());
            assertThat(rows("SELECT sequence_number, commune_code, since, recorded_at FROM indicator_commune "
                    + "WHERE case_id = ? ORDER BY sequence_number")).as("communes of %s", id)
                    .containsExactlyElementsOf(spells.stream().map(s -> line(s.spell().sequenceNumber(),
                            s.spell().communeCode(), s.spell().since(), s.recordedAt())).toList());
            assertThat(rows("SELECT commune_code, reported_at, recorded_at FROM indicator_case WHERE case_id = ?"))
                    .containsExactly(line(COMMUNE, reported.reportedAt(), reportRecordedAt));
            List<String> expected = FactHistory.of(new CaseRecords(reported, reportRecordedAt, steps, spells))
                    .stream().map(r -> line(r.fact().measure(), r.fact().communeCode(), r.fact().countedAt(),
                            r.fact().previousAt(), r.fact().holdsAfter(), r.fact().holdsUntil(), r.recordedAt(),
                            r.supersededAt())).sorted().toList();
            assertThat(expected).as("the case counts for something").isNotEmpty();
            assertThat(rows("SELECT measure, commune_code, counted_at, previous_at, holds_after, holds_until, "
                    + "recorded_at, superseded_at FROM indicator_fact WHERE case_id = ?").stream().sorted().toList())
                    .as("facts of %s", id).containsExactlyElementsOf(expected);
            // Each fact carries its report's plain fields (what QuerySideIntegrationTest#reported says), also when a
            // later batch rewrote the facts from the report's stored row.
            assertThat(rows("SELECT DISTINCT child_id, category, channel, sex, age_years, setting, "
                    + "array_to_string(ARRAY(SELECT unnest(abuse_forms) ORDER BY 1), ','), "
                    + "array_to_string(special_groups, ','), reported_at FROM indicator_fact WHERE case_id = ?"))
                    .as("report fields on the facts of %s", id).containsExactly(line("child-" + id, "ABUSED",
                            "HOTLINE_111", "FEMALE", 9, "FAMILY", "NEGLECT,VIOLENCE", "I_HARMED_BY_VIOLENCE",
                            reported.reportedAt()));
        }

        private List<String> rows(String sql) {
            return jdbc.query(sql, (rs, row) -> columns(rs), id);
        }
    }

    private static String columns(ResultSet rs) throws SQLException {
        Object[] values = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < values.length; i++) {
            Object value = rs.getObject(i + 1);
            values[i] = value instanceof java.sql.Timestamp t ? t.toInstant() : value;
        }
        return line(values);
    }

    private static String line(Object... values) {
        return String.join(" | ", Stream.of(values).map(v -> Objects.toString(v, "-")).toList());
    }

    /** The stories' unpublished events in one commit, case after case at each step, so each batch mixes them. */
    private void publishInterleaved(List<Story> stories) {
        List<EventMessage<?>> events = new ArrayList<>();
        int longest = stories.stream().mapToInt(s -> s.unpublished.size()).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (Story story : stories) {
                if (i < story.unpublished.size()) {
                    events.add(story.unpublished.get(i));
                }
            }
        }
        stories.forEach(s -> s.unpublished.clear());
        eventStore.publish(events);
    }

    private void awaitCaughtUp() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(ADMIN).get("lag").asLong()).isZero());
    }

    /** The parked events of one case in the {@code indicators} group, each as "event type reason". */
    private List<String> parkedOf(String caseId) {
        List<String> parked = new ArrayList<>();
        for (JsonNode item : getJson(ADMIN + "/dead-letters").get("items").values()) {
            if (item.get("caseId").asString().equals(caseId)) {
                parked.add(item.get("eventType").asString() + " " + item.get("reason").asString());
            }
        }
        return parked;
    }

    private static Instant hours(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static Instant days(long days) {
        return T0.plus(Duration.ofDays(days));
    }
}
