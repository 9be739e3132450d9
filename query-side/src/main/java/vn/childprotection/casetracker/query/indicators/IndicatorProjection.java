package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
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
 * changes nothing. The counted facts of each case ({@code indicator_fact}) are derived again from those rows, so that
 * a question reads only its period's facts. Personal data never reaches these tables.
 * <p>
 * Written once per batch of events ({@link WritesPerBatch}): the handlers only collect each case's new rows in memory
 * ({@link IndicatorRows}, folded in the {@link ProjectionBatch}); when the batch commits, {@link IndicatorFactWriter}
 * writes them with batched statements and derives the facts of every case the batch touched once, with one query per
 * table for the rows already stored. A handler that throws leaves nothing behind (the dead-letter queue parks only
 * its event). Outside a processor's batch (a retry of parked events) each event is written as its handler returns.
 */
@Component
@WritesPerBatch
@ProcessingGroup(IndicatorProjection.PROCESSING_GROUP)
public class IndicatorProjection {

    public static final String PROCESSING_GROUP = "indicators";

    private final JdbcTemplate jdbc;
    private final IndicatorFactWriter facts;
    private final FactsVersions versions;

    IndicatorProjection(JdbcTemplate jdbc, IndicatorFactWriter facts, FactsVersions versions) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.versions = versions;
    }

    /** Empties the tables; no answer counted before is given again ({@link FactsVersions#newGeneration}). */
    @ResetHandler
    void reset() {
        versions.newGeneration();
        jdbc.update("DELETE FROM indicator_fact");
        jdbc.update("DELETE FROM indicator_step");
        jdbc.update("DELETE FROM indicator_case");
        jdbc.update("DELETE FROM indicator_commune");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, e.communeCode(), e.occurredAt(), recordedAt);
        IndicatorRows.Report report = new IndicatorRows.Report(required(e.childId(), "childId"),
                required(e.communeCode(), "communeCode"), e.category().name(), e.channel().name(), e.sex().name(),
                e.ageYears(), e.setting() == null ? null : e.setting().name(), names(e.abuseForms()),
                names(e.specialCircumstanceGroups()), at(e.occurredAt()), at(recordedAt));
        change(e.caseId(), rows -> rows.reported(report));
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
        step(e.caseId(), new CaseStep(sequenceNumber, StepKind.DEADLINE_SCHEDULED, at(e.occurredAt()),
                e.deadlineId(), required(e.rule(), "rule"), at(e.dueAt())), recordedAt);
    }

    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        step(e.caseId(), new CaseStep(sequenceNumber, StepKind.DEADLINE_FULFILLED, at(e.occurredAt()),
                e.deadlineId(), required(e.rule(), "rule"), null), recordedAt);
    }

    private void runBy(String caseId, long sequenceNumber, String communeCode, Instant since, Instant recordedAt) {
        FactHistory.RecordedSpell spell = new FactHistory.RecordedSpell(new CaseFacts.CommuneSpell(sequenceNumber,
                required(communeCode, "communeCode"), at(since)), at(recordedAt));
        change(caseId, rows -> rows.ranBy(spell));
    }

    private void step(String caseId, long sequenceNumber, StepKind kind, Instant occurredAt, Instant recordedAt) {
        step(caseId, new CaseStep(sequenceNumber, kind, at(occurredAt), null, null, null), recordedAt);
    }

    private void step(String caseId, CaseStep step, Instant recordedAt) {
        FactHistory.RecordedStep recorded = new FactHistory.RecordedStep(step, at(recordedAt));
        change(caseId, rows -> rows.stepped(recorded));
    }

    /**
     * Adds rows of the case to this batch: the change gets the rows the batch's earlier events added (or none) and
     * gives them back with this event's, a new value.
     */
    @SuppressWarnings("unchecked")
    private void change(String caseId, UnaryOperator<IndicatorRows> change) {
        ProjectionBatch batch = ProjectionBatch.of(this, jdbc,
                b -> facts.write(b, (Map<String, IndicatorRows>) (Map<String, ?>) b.changedDocuments()));
        IndicatorRows rows = batch.document(caseId);
        batch.fold(caseId, change.apply(rows == null ? IndicatorRows.NONE : rows));
    }

    /**
     * An instant of a row, as its {@code TIMESTAMPTZ} column keeps it ({@link IndicatorRows#stored}); a missing one fails
     * the handler (the column is NOT NULL), so that the dead-letter queue parks that event alone.
     */
    private static Instant at(Instant instant) {
        return IndicatorRows.stored(required(instant, "instant"));
    }

    /** A value a NOT NULL column needs; a missing one fails the handler, as the insert would. */
    private static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is missing");
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
