package vn.childprotection.casetracker.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a retry of a projection's parked events did.
 */
@Schema(name = "DeadLetterRetry")
public record RetryOutcome(
        @Schema(description = "The projection", example = "case-file") String projection,
        @Schema(description = "Cases whose parked events were tried") int casesTried,
        @Schema(description = "Cases whose every parked event was applied and removed from the queue")
        int casesCleared,
        @Schema(description = "Parked events before the retry") long parkedEventsBefore,
        @Schema(description = "Parked events left: failed again (with the new error) or waiting behind one")
        long parkedEventsAfter,
        @Schema(description = "Cases left with parked events") long parkedCasesAfter) {
}
