package vn.childprotection.casetracker.query.audittrail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Keeps the inter-agency audit trail (<i>nhật ký liên ngành</i>) in {@code audit_entry}: one row per event of every
 * case, keyed by the event's identifier, with who did it (user, org unit, role, from the event's metadata), when it
 * was recorded and happened, the agency and intervention it concerns and a short summary ({@link AuditFacts}). The
 * event's sealed fields are never read, so nothing personal is stored.
 * <p>
 * Fulfilled and withdrawn deadline events do not name the agency; {@code audit_deadline} remembers who must meet
 * each intervention deadline from when it was scheduled (or missed). The event's global position in the store is
 * kept to order entries recorded at the same instant. An event delivered again is ignored (same identifier); a reset
 * empties both tables and the replay rebuilds them.
 * <p>
 * The rows of a batch of events are written together, with one batch statement per table ({@link ProjectionBatch}).
 */
@Component
@WritesPerBatch
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    private final JdbcTemplate jdbc;

    public AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("DELETE FROM audit_deadline");
    }

    @EventHandler
    void on(CaseEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequenceNumber,
            @Timestamp Instant recordedAt, TrackingToken token,
            @MetaDataValue(ActorMetaData.USER) String userId,
            @MetaDataValue(ActorMetaData.ORG_UNIT) String orgUnit,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ProjectionBatch batch = ProjectionBatch.of(this, jdbc, written -> { });
        rememberAgency(batch, event);
        AuditFacts facts = AuditFacts.of(event, deadlineId -> agencyOf(batch, event.caseId(), deadlineId));
        batch.add("""
                INSERT INTO audit_entry (event_id, global_index, case_id, sequence_number, action, recorded_at,
                                         occurred_at, user_id, org_unit, role, agency_code, intervention_id,
                                         deadline_rule, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""",
                eventId, token == null || token.position().isEmpty() ? null : token.position().getAsLong(),
                event.caseId(), sequenceNumber, event.getClass().getSimpleName(), utc(recordedAt),
                utc(event.occurredAt()), userId, orgUnit, role, facts.agencyCode(), facts.interventionId(),
                facts.deadlineRule() == null ? null : facts.deadlineRule().name(), facts.summary());
    }

    private void rememberAgency(ProjectionBatch batch, CaseEvent event) {
        if (event instanceof DeadlineScheduled e && e.rule() == DeadlineRule.INTERVENTION_DUE) {
            remember(batch, e.caseId(), e.deadlineId(), e.responsibleOrgUnit());
        } else if (event instanceof DeadlineMissed e && e.rule() == DeadlineRule.INTERVENTION_DUE) {
            remember(batch, e.caseId(), e.deadlineId(), e.responsibleOrgUnit());
        }
    }

    /**
     * Remembers who must meet an intervention deadline: in the batch at once (a later event of the same batch reads
     * it there), in {@code audit_deadline} when the batch is written.
     */
    private void remember(ProjectionBatch batch, String caseId, String deadlineId, String agencyCode) {
        batch.fold(deadlineKey(caseId, deadlineId), agencyCode);
        batch.add("""
                INSERT INTO audit_deadline (case_id, deadline_id, responsible_org_unit) VALUES (?, ?, ?)
                ON CONFLICT (case_id, deadline_id)
                    DO UPDATE SET responsible_org_unit = EXCLUDED.responsible_org_unit""",
                caseId, deadlineId, agencyCode);
    }

    private String agencyOf(ProjectionBatch batch, String caseId, String deadlineId) {
        String remembered = batch.document(deadlineKey(caseId, deadlineId));
        if (remembered != null) {
            return remembered;
        }
        List<String> found = jdbc.queryForList(
                "SELECT responsible_org_unit FROM audit_deadline WHERE case_id = ? AND deadline_id = ?",
                String.class, caseId, deadlineId);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String deadlineKey(String caseId, String deadlineId) {
        return caseId + "/" + deadlineId;
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
