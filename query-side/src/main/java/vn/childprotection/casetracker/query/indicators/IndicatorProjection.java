package vn.childprotection.casetracker.query.indicators;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * Keeps the facts indicators are counted from (<i>chỉ tiêu thống kê</i>): one row per case with the plain fields of
 * its report, one row per counted step with the time it happened and the time it was recorded, and one row per
 * change of the commune running the case (report, accepted transfer, carry-over) so a fact counts where it
 * happened. Nothing is counted here: counting happens when a period, an org unit and an as-of instant are asked for,
 * so the same facts answer every report. Rows are keyed by case and sequence number, so an event delivered again
 * changes nothing. After each event the case's counted facts ({@code indicator_fact}) are derived again from those
 * rows ({@link IndicatorFactWriter}), so that a question reads only its period's facts. Personal data never reaches
 * these tables.
 */
@Component
@ProcessingGroup(IndicatorProjection.PROCESSING_GROUP)
public class IndicatorProjection {

    public static final String PROCESSING_GROUP = "indicators";

    private final JdbcTemplate jdbc;
    private final IndicatorFactWriter facts;

    IndicatorProjection(JdbcTemplate jdbc, IndicatorFactWriter facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM indicator_fact");
        jdbc.update("DELETE FROM indicator_step");
        jdbc.update("DELETE FROM indicator_case");
        jdbc.update("DELETE FROM indicator_commune");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, e.communeCode(), e.occurredAt(), recordedAt);
        jdbc.update("""
                INSERT INTO indicator_case (case_id, child_id, commune_code, category, channel, sex, age_years,
                                            setting, abuse_forms, special_groups, reported_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO NOTHING""",
                e.caseId(), e.childId(), e.communeCode(), e.category().name(), e.channel().name(), e.sex().name(),
                e.ageYears(), e.setting() == null ? null : e.setting().name(), names(e.abuseForms()),
                names(e.specialCircumstanceGroups()), utc(e.occurredAt()), utc(recordedAt));
        facts.refresh(e.caseId());
    }

    /** The receiving commune runs the case from the transfer on: what happens after counts there. */
    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode(), e.occurredAt(), recordedAt);
    }

    /**
     * The successor of a ceased commune runs the case from the carry-over on (00:00 of its first day): what happens
     * after counts in the successor, what happened before stays with the ceased commune. Not a transfer.
     */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode(), e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(InitialAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), sequenceNumber, StepKind.INITIAL_ASSESSMENT, e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(EmergencyMeasuresTaken e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), sequenceNumber, StepKind.EMERGENCY_MEASURES, e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), sequenceNumber, StepKind.PLAN_APPROVED, e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(InterventionStatusChanged e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        if (e.newStatus() == InterventionStatus.COMPLETED) {
            step(e.caseId(), sequenceNumber, StepKind.INTERVENTION_COMPLETED, e.occurredAt(), recordedAt);
        }
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), sequenceNumber, StepKind.CLOSED, e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), sequenceNumber, StepKind.REOPENED, e.occurredAt(), recordedAt);
    }

    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO indicator_step (case_id, sequence_number, kind, occurred_at, recorded_at, deadline_id,
                                            deadline_rule, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""",
                e.caseId(), sequenceNumber, StepKind.DEADLINE_SCHEDULED.name(), utc(e.occurredAt()), utc(recordedAt),
                e.deadlineId(), e.rule().name(), utc(e.dueAt()));
        facts.refresh(e.caseId());
    }

    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO indicator_step (case_id, sequence_number, kind, occurred_at, recorded_at, deadline_id,
                                            deadline_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""",
                e.caseId(), sequenceNumber, StepKind.DEADLINE_FULFILLED.name(), utc(e.occurredAt()), utc(recordedAt),
                e.deadlineId(), e.rule().name());
        facts.refresh(e.caseId());
    }

    private void runBy(String caseId, long sequenceNumber, String communeCode, Instant since, Instant recordedAt) {
        jdbc.update("""
                INSERT INTO indicator_commune (case_id, sequence_number, commune_code, since, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""",
                caseId, sequenceNumber, communeCode, utc(since), utc(recordedAt));
        facts.refresh(caseId);
    }

    private void step(String caseId, long sequenceNumber, StepKind kind, Instant occurredAt, Instant recordedAt) {
        jdbc.update("""
                INSERT INTO indicator_step (case_id, sequence_number, kind, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (case_id, sequence_number) DO NOTHING""",
                caseId, sequenceNumber, kind.name(), utc(occurredAt), utc(recordedAt));
        facts.refresh(caseId);
    }

    private Array names(Collection<? extends Enum<?>> values) {
        String[] names = values.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("varchar", names));
    }

    private static OffsetDateTime utc(Instant value) {
        return value.atOffset(ZoneOffset.UTC);
    }
}
