package vn.childprotection.casetracker.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A projection's parked events, in event store order.
 */
@Schema(name = "ParkedEvents")
public record ParkedEventList(
        @Schema(description = "The projection", example = "case-file") String projection,
        @Schema(description = "Events in its dead-letter queue, failed or waiting") long parkedEvents,
        @Schema(description = "Cases with parked events") long parkedCases,
        @Schema(description = "Whether items holds only the first " + ParkedEvents.LIST_LIMIT + " of them")
        boolean truncated,
        List<ParkedEvent> items) {
}
