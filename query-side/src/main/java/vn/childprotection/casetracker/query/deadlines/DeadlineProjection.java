package vn.childprotection.casetracker.query.deadlines;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;

/**
 * Keeps the time limits of the procedure (<i>thời hạn</i>, Decree 56/2017 Chapter III) in {@code case_deadline}: one
 * row per deadline of a case with its state ({@link DeadlineState}), who must meet it and the commune that runs the
 * case now. The risk register and the overdue register (<i>quá hạn</i>) read it.
 * <p>
 * The case's commune comes from {@code CaseReported}, {@code CaseTransferred} and {@code CaseCarriedOver}, kept in
 * {@code deadline_case}. An accepted transfer (or a carry-over to a successor commune) makes every commune deadline
 * still running or still late the new commune's responsibility; no event says so per deadline, so this projection
 * moves them. An intervention's deadline stays with its agency.
 * <p>
 * {@code deadline_case.version} is the version (sequence number + 1) of the last event of the case applied here: an
 * event delivered again is ignored. A reset empties both tables and the replay rebuilds them.
 */
@Component
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
public class DeadlineProjection {

    public static final String PROCESSING_GROUP = "deadlines";

    private static final Logger log = LoggerFactory.getLogger(DeadlineProjection.class);

    private final JdbcTemplate jdbc;

    public DeadlineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_deadline");
        jdbc.update("DELETE FROM deadline_case");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber) {
        jdbc.update("""
                INSERT INTO deadline_case (case_id, commune_code, version) VALUES (?, ?, ?)
                ON CONFLICT (case_id) DO NOTHING""", e.caseId(), e.communeCode(), sequenceNumber + 1);
    }

    /**
     * The receiving commune accepted the case: its commune deadlines still open or still late become its own.
     */
    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    /**
     * The case's commune ceased in a reorganisation and its successor runs the case now: as after an accepted
     * transfer, its commune deadlines still open or still late become the successor's, and the overdue register
     * counts them there.
     */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    private void runBy(String caseId, long sequenceNumber, String communeCode) {
        if (!advance(caseId, sequenceNumber)) {
            return;
        }
        jdbc.update("UPDATE deadline_case SET commune_code = ? WHERE case_id = ?", communeCode, caseId);
        jdbc.update("UPDATE case_deadline SET commune_code = ? WHERE case_id = ?", communeCode, caseId);
        jdbc.update("""
                UPDATE case_deadline SET responsible_org_unit = ?
                WHERE case_id = ? AND rule <> 'INTERVENTION_DUE' AND state IN ('OPEN', 'MISSED')""",
                communeCode, caseId);
    }

    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("""
                INSERT INTO case_deadline (case_id, deadline_id, rule, due_at, responsible_org_unit, intervention_id,
                                           commune_code, state, scheduled_at)
                SELECT ?, ?, ?, ?, ?, ?, c.commune_code, 'OPEN', ? FROM deadline_case c WHERE c.case_id = ?
                ON CONFLICT (case_id, deadline_id) DO UPDATE SET rule = EXCLUDED.rule, due_at = EXCLUDED.due_at,
                    responsible_org_unit = EXCLUDED.responsible_org_unit,
                    intervention_id = EXCLUDED.intervention_id, state = 'OPEN',
                    scheduled_at = EXCLUDED.scheduled_at, missed_at = NULL, fulfilled_at = NULL,
                    withdrawn_at = NULL, withdrawn_reason = NULL""",
                e.caseId(), e.deadlineId(), e.rule().name(), utc(e.dueAt()), e.responsibleOrgUnit(),
                e.interventionId(), utc(e.occurredAt()), e.caseId());
    }

    /**
     * A miss (recorded by the service itself) also says who had to meet the limit at that moment. A miss without a
     * scheduled row (not expected) still creates one, so the overdue register never loses a late item.
     */
    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("""
                INSERT INTO case_deadline (case_id, deadline_id, rule, due_at, responsible_org_unit, intervention_id,
                                           commune_code, state, missed_at)
                SELECT ?, ?, ?, ?, ?, ?, c.commune_code, 'MISSED', ? FROM deadline_case c WHERE c.case_id = ?
                ON CONFLICT (case_id, deadline_id) DO UPDATE SET state = 'MISSED', due_at = EXCLUDED.due_at,
                    responsible_org_unit = EXCLUDED.responsible_org_unit, missed_at = EXCLUDED.missed_at
                WHERE case_deadline.state = 'OPEN'""",
                e.caseId(), e.deadlineId(), e.rule().name(), utc(e.dueAt()), e.responsibleOrgUnit(),
                e.interventionId(), utc(e.occurredAt()), e.caseId());
    }

    /**
     * The miss did not happen (the step that met or ended the limit is dated before it was due): the limit is open
     * again and leaves the overdue register; the fulfilment or withdrawal that follows ends it.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("""
                UPDATE case_deadline SET state = ?, missed_at = NULL
                WHERE case_id = ? AND deadline_id = ? AND state = 'MISSED'""",
                TimeLimitReading.afterMissCorrected(DeadlineState.MISSED).name(), e.caseId(), e.deadlineId());
    }

    /**
     * Met in time (MET) or late (FULFILLED_LATE), as {@link TimeLimitReading} reads the event.
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("""
                UPDATE case_deadline
                SET state = CASE state WHEN 'MISSED' THEN ? ELSE ? END, fulfilled_at = ?
                WHERE case_id = ? AND deadline_id = ? AND state IN ('OPEN', 'MISSED')""",
                TimeLimitReading.afterFulfilment(e, DeadlineState.MISSED).name(),
                TimeLimitReading.afterFulfilment(e, DeadlineState.OPEN).name(), utc(e.occurredAt()), e.caseId(),
                e.deadlineId());
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("""
                UPDATE case_deadline SET state = 'WITHDRAWN', withdrawn_at = ?, withdrawn_reason = ?
                WHERE case_id = ? AND deadline_id = ? AND state IN ('OPEN', 'MISSED')""",
                utc(e.occurredAt()), e.reason(), e.caseId(), e.deadlineId());
    }

    /**
     * Records that the case's event at this sequence number is being applied; false when it already was, or when
     * the case was never reported here (then the event is skipped with a warning).
     */
    private boolean advance(String caseId, long sequenceNumber) {
        long version = sequenceNumber + 1;
        int updated = jdbc.update("UPDATE deadline_case SET version = ? WHERE case_id = ? AND version < ?",
                version, caseId, version);
        if (updated == 0 && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM deadline_case WHERE case_id = ?)", Boolean.class, caseId))) {
            log.warn("No reported case {} for its event at version {}; the event is skipped", caseId, version);
        }
        return updated == 1;
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
