package vn.childprotection.casetracker.query.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A projection, how far its live processor is behind the event store, and its latest rebuild since the service
 * started (null if none).
 */
@Schema(name = "Projection")
public record ProjectionStatus(
        @Schema(description = "The projection's name, its processing group's", example = "risk-register")
        String name,
        String processingGroup,
        @Schema(description = "The tables the projection writes") List<String> tables,
        @Schema(description = "LIVE; PARKED when events are parked in its dead-letter queue; REBUILDING while a "
                + "rebuild runs or switches") ProjectionState state,
        @Schema(description = "Whether the live processor runs in this instance") boolean processorRunning,
        @Schema(description = "The event store's head: the highest global index") long headGlobalIndex,
        @Schema(description = "Events in the store the live processor has not processed yet: the head minus the "
                + "lowest position among its segments' tokens") long lag,
        @Schema(description = "Age of the oldest event not processed yet, in seconds (0 when caught up)")
        long secondsBehind,
        @Schema(description = "Events parked in its dead-letter queue: failed, or waiting behind a failed event of "
                + "the same case") long parkedEvents,
        @Schema(description = "Cases with parked events") long parkedCases,
        @Schema(description = "The latest rebuild since the service started, or null") RebuildStatus rebuild) {
}
