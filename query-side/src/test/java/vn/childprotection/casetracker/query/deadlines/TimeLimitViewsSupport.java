package vn.childprotection.casetracker.query.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * A case with two time limits, each ended by a step whose date and typing moment the test chooses, written as the
 * command side writes them (the event contract of {@link DeadlineFulfilled} and {@link DeadlineMissCorrected}), and
 * readers of every view of those limits. Shares the module's one Spring context.
 */
abstract class TimeLimitViewsSupport extends QuerySideIntegrationTest {

    static final String EMERGENCY = "EMERGENCY_MEASURES-1";
    static final String INTERVENTION = "INTERVENTION_DUE-2";
    static final String AGENCY = "313-health-centre";
    static final String INTERVENTION_ID = "i-therapy";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * When the step that meets a limit happened and when it was typed, and whether the scheduler had recorded the
     * miss by then (it can only have done so when the step was typed at or after the due instant).
     */
    record Entry(Instant dueAt, Instant stepAt, Instant typedAt, boolean schedulerFiredFirst) {

        boolean missRecorded() {
            return schedulerFiredFirst && !typedAt.isBefore(dueAt);
        }

        /** Expected, from the times alone: the step is dated at or after the due instant. */
        boolean stepLate() {
            return !stepAt.isBefore(dueAt);
        }

        boolean typedLate() {
            return !typedAt.isBefore(dueAt);
        }

        boolean corrected() {
            return missRecorded() && !stepLate();
        }
    }

    /**
     * Report at {@code reportedAt}, an emergency found a minute later (limit {@link #EMERGENCY} due
     * {@code emergencyDue}), a plan with one therapy by the health centre approved ten minutes later (limit
     * {@link #INTERVENTION} due {@code interventionDue}): 6 events.
     */
    protected void appendCaseWithTwoLimits(String caseId, String childId, String commune, Instant reportedAt,
                                           Instant emergencyDue, Instant interventionDue) {
        Instant assessed = reportedAt.plusSeconds(60);
        Instant approved = reportedAt.plusSeconds(600);
        append(WORKER, reportedAt, reported(caseId, childId, commune, reportedAt));
        append(WORKER, assessed, new InitialAssessmentRecorded(caseId, assessed, RiskLevel.HIGH, true, null));
        append(WORKER, assessed, scheduled(caseId, assessed, EMERGENCY, DeadlineRule.EMERGENCY_MEASURES,
                emergencyDue, commune, null));
        append(WORKER, approved, new SupportPlanDrafted(caseId, approved, 1, List.of(new PlannedIntervention(
                INTERVENTION_ID, InterventionMeasure.PSYCHOLOGICAL_THERAPY, AGENCY,
                LocalDate.ofInstant(interventionDue, VIETNAM), seal(childId, "Tham vấn tâm lý hằng tuần"))), null));
        append(CHAIR, approved, new SupportPlanApproved(caseId, approved, 1));
        append(CHAIR, approved, scheduled(caseId, approved, INTERVENTION, DeadlineRule.INTERVENTION_DUE,
                interventionDue, AGENCY, INTERVENTION_ID));
    }

    /** The miss the scheduler records at the due instant, when the entry says it fired before the step was typed. */
    protected int appendMissIfFired(String caseId, String deadlineId, DeadlineRule rule, String responsible,
                                    String interventionId, Entry entry) {
        if (!entry.missRecorded()) {
            return 0;
        }
        appendBySystem(responsible, entry.dueAt(), new DeadlineMissed(caseId, entry.dueAt(), deadlineId, rule,
                entry.dueAt(), responsible, interventionId));
        return 1;
    }

    /** The emergency measures typed after any miss was recorded, then the limit's end as the contract orders it. */
    protected int appendEmergencyMeasures(String caseId, Entry entry) {
        append(CHAIR, entry.typedAt(), new EmergencyMeasuresTaken(caseId, entry.stepAt(),
                List.of(EmergencyMeasure.SAFE_PLACE), null, null));
        return 1 + appendEnd(caseId, EMERGENCY, DeadlineRule.EMERGENCY_MEASURES, null, entry);
    }

    /** The intervention accepted and completed, then its limit's end as the contract orders it. */
    protected int appendInterventionCompleted(String caseId, Entry entry) {
        append(HEALTH, entry.typedAt(), new InterventionStatusChanged(caseId, entry.stepAt().minusSeconds(60),
                INTERVENTION_ID, AGENCY, InterventionStatus.ASSIGNED, InterventionStatus.ACCEPTED, null));
        append(HEALTH, entry.typedAt(), new InterventionStatusChanged(caseId, entry.stepAt(), INTERVENTION_ID, AGENCY,
                InterventionStatus.ACCEPTED, InterventionStatus.COMPLETED, null));
        return 2 + appendEnd(caseId, INTERVENTION, DeadlineRule.INTERVENTION_DUE, INTERVENTION_ID, entry);
    }

    private int appendEnd(String caseId, String deadlineId, DeadlineRule rule, String interventionId, Entry entry) {
        if (entry.corrected()) {
            append(WORKER, entry.typedAt(), new DeadlineMissCorrected(caseId, entry.stepAt(), deadlineId, rule,
                    interventionId, entry.dueAt()));
        }
        append(WORKER, entry.typedAt(), new DeadlineFulfilled(caseId, entry.stepAt(), deadlineId, rule,
                interventionId, entry.stepLate(), entry.dueAt(), entry.typedLate()));
        return entry.corrected() ? 2 : 1;
    }

    /** The limit as the case file shows it, once the case file holds {@code version} events. */
    protected JsonNode caseFileDeadline(String caseId, long version, String deadlineId) {
        return awaitCaseFile(caseId, version).get("deadlines").values().stream()
                .filter(d -> d.get("deadlineId").asString().equals(deadlineId)).findFirst()
                .orElseThrow(() -> new AssertionError("no deadline " + deadlineId));
    }

    /** The limit's state in {@code case_deadline} (what the overdue and risk registers read), once caught up. */
    protected String registerState(String caseId, long version, String deadlineId) {
        awaitVersion("deadline_case", caseId, version);
        return jdbc.queryForObject("SELECT state FROM case_deadline WHERE case_id = ? AND deadline_id = ?",
                String.class, caseId, deadlineId);
    }

    /** The case's work item for the therapy, once the work queue caught up. */
    protected JsonNode workItem(String caseId, long version) {
        awaitVersion("work_case", caseId, version);
        return PageWalk.rows(this::getJson, "/api/v1/agencies/" + AGENCY + "/work-queue", "items").stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError("no work item of " + caseId));
    }

    protected List<JsonNode> overdueItems(String commune, String caseId) {
        return PageWalk.rows(this::getJson, "/api/v1/overdue?commune=" + commune, "items").stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)).toList();
    }

    protected Optional<JsonNode> riskEntry(String commune, String caseId) {
        return PageWalk.rows(this::getJson, "/api/v1/risk-register?commune=" + commune, "cases").stream()
                .filter(e -> e.get("caseId").asString().equals(caseId)).findFirst();
    }

    /** "action rule: summary" of the case's deadline entries in the audit trail, once it holds every event. */
    protected List<String> auditOfLimits(String caseId, long version) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/audit-trail?limit=1000&caseId="
                + caseId).get("items").size()).isEqualTo(version));
        return getJson("/api/v1/audit-trail?limit=1000&caseId=" + caseId).get("items").values().stream()
                .filter(i -> !i.get("deadlineRule").isNull() && !i.get("action").asString().equals(
                        "DeadlineScheduled"))
                .map(i -> i.get("action").asString() + " " + i.get("deadlineRule").asString() + ": "
                        + i.get("summary").asString())
                .toList();
    }

    /** The case's event types in the history, once it holds every event. */
    protected List<String> historyTypes(String caseId, long version) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/cases/" + caseId + "/history")
                .get("entries").size()).isEqualTo((int) version));
        return getJson("/api/v1/cases/" + caseId + "/history").get("entries").values().stream()
                .map(e -> e.get("eventType").asString()).toList();
    }

    /**
     * ABUSED_HELPED_IN_TIME of the commune over the Vietnam days {@code from} to {@code to} (the indicators must
     * already hold the cases' steps).
     */
    protected long helpedInTime(String commune, LocalDate from, LocalDate to) {
        JsonNode answer = getJson("/api/v1/indicators?orgUnit=" + commune + "&from=" + from + "&to=" + to
                + "&code=ABUSED_HELPED_IN_TIME");
        return answer.get("indicators").values().stream()
                .filter(i -> i.get("code").asString().equals("ABUSED_HELPED_IN_TIME")).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator ABUSED_HELPED_IN_TIME")).get("total").asLong();
    }

    /** {@link #helpedInTime(String, LocalDate, LocalDate)} once the indicators hold the case's two fulfilments. */
    protected long helpedInTime(String caseId, String commune, LocalDate from, LocalDate to) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_step WHERE case_id = ? AND kind = 'DEADLINE_FULFILLED'", Long.class,
                caseId)).isEqualTo(2L));
        return helpedInTime(commune, from, to);
    }

    protected static LocalDate vietnamDay(Instant instant) {
        return LocalDate.ofInstant(instant, VIETNAM);
    }

    private void awaitVersion(String table, String caseId, long version) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT version FROM " + table + " WHERE case_id = ?", Long.class, caseId)).isEqualTo(version));
    }
}
