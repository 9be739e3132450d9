package vn.childprotection.casetracker.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event of a case as the history shows it.
 *
 * @param sequenceNumber its position in the case, from 0
 * @param occurredAt     when it happened (domain time)
 * @param recordedAt     when it was recorded in the event store
 */
@Schema(name = "CaseHistoryEntry", description = "One event of a case, with who recorded it")
public record CaseHistoryEntry(
        @Schema(description = "Position of the event in the case, from 0") long sequenceNumber,
        @Schema(description = "The event, e.g. CaseReported, SupportPlanApproved") String eventType,
        @Schema(description = "When it happened") Instant occurredAt,
        @Schema(description = "When it was recorded") Instant recordedAt,
        @Schema(description = "User who recorded it") String userId,
        @Schema(description = "That user's org unit code") String orgUnit,
        @Schema(description = "That user's role") String role,
        @Schema(type = "object", description = "The event's fields, without personal data")
        JsonNode details) {
}
