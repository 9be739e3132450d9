package vn.childprotection.casetracker.query.audittrail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * One line of the inter-agency audit trail (<i>nhật ký liên ngành</i>): who did what to which case, and when. No
 * personal data.
 */
@Schema(name = "AuditEntry", description = "Who did what to which case and when (nhật ký liên ngành)")
public record AuditEntry(
        @Schema(description = "The event's identifier") String eventId,
        String caseId,
        @Schema(description = "Position of the event in the case, from 0") long sequenceNumber,
        @Schema(description = "The event type, e.g. InterventionStatusChanged, DeadlineMissed") String action,
        @Schema(description = "When it was recorded") Instant recordedAt,
        @Schema(description = "When it happened") Instant occurredAt,
        @Schema(description = "Who did it; 'system' for what the service records itself") String userId,
        @Schema(description = "That user's org unit code") String orgUnit,
        @Schema(description = "That user's role") String role,
        @Schema(description = "The intervention's agency, for intervention and INTERVENTION_DUE deadline events; "
                + "the new agency for a reassignment") String agencyCode,
        @Schema(description = "The intervention concerned, or null") String interventionId,
        @Schema(description = "The rule of a deadline event, or null") DeadlineRule deadlineRule,
        @Schema(description = "A short summary without personal data, e.g. 'ACCEPTED → DECLINED'") String summary) {

    /**
     * Column names of the CSV export, in the order of {@link #values()}: the JSON field names.
     */
    public static final List<String> COLUMNS = List.of("eventId", "caseId", "sequenceNumber", "action", "recordedAt",
            "occurredAt", "userId", "orgUnit", "role", "agencyCode", "interventionId", "deadlineRule", "summary");

    /**
     * The fields as text, in the order of {@link #COLUMNS}; null stays null.
     */
    public List<String> values() {
        return Arrays.asList(eventId, caseId, Long.toString(sequenceNumber), action, text(recordedAt),
                text(occurredAt), userId, orgUnit, role, agencyCode, interventionId,
                deadlineRule == null ? null : deadlineRule.name(), summary);
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }
}
