package vn.childprotection.casetracker.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event parked in a projection's dead-letter queue: where it is in the event store, which case, and why. Never
 * its payload or metadata.
 */
@Schema(name = "ParkedEvent")
public record ParkedEvent(
        @Schema(description = "The event's position in the event store (global index); null if the event is no "
                + "longer in the store") Long globalIndex,
        @Schema(description = "The case (the event's aggregate identifier): only this case's events wait")
        String caseId,
        @Schema(description = "The event's sequence number within its case (0 for the report)") Long sequenceNumber,
        @Schema(description = "The event's type, e.g. CaseReported") String eventType,
        String eventIdentifier,
        @Schema(description = "When the event was recorded (UTC)") Instant recordedAt,
        @Schema(description = "Position among the case's parked events, from 0") long positionInCase,
        @Schema(description = "PARKED: the projection failed on this event; WAITING: it waits behind an earlier "
                + "parked event of the same case and was not tried") String reason,
        @Schema(description = "The innermost exception's class (PARKED only)") String errorClass,
        @Schema(description = "The first line of its message, with the SQLSTATE of a database error (PARKED only)")
        String errorMessage,
        @Schema(description = "When the event was parked: its first failed attempt (UTC)") Instant parkedAt,
        @Schema(description = "The last attempt (UTC): the first one, or the latest retry") Instant lastAttemptAt) {

    static final String PARKED = "PARKED";
    static final String WAITING = "WAITING";
}
