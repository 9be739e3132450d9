package vn.childprotection.casetracker.query.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.childprotection.casetracker.query.deadletters.ParkedEvent;

/**
 * The progress of one rebuild. Events are counted as positions in the event store's global index from where the
 * store began when the rebuild started; gaps in the index (rolled-back appends) count as events, so the numbers are
 * exact on a store without gaps and close otherwise.
 */
@Schema(name = "ProjectionRebuild")
public record RebuildStatus(
        @Schema(description = "The projection rebuilt") String projection,
        @Schema(description = "RUNNING, SWITCHING, DONE, PARKED (switched in, with events parked) or FAILED")
        RebuildState state,
        @Schema(description = "Events of the store replayed so far, at most eventsTotal") long eventsDone,
        @Schema(description = "Events in the store when the rebuild started (its head); events appended later are "
                + "replayed too, before the switch") long eventsTotal,
        @Schema(description = "Percentage of eventsTotal done") int percent,
        @Schema(description = "Events replayed per second since the start") double rate,
        @Schema(description = "When the replay is expected to reach eventsTotal, at the current rate; null until "
                + "known or when finished") Instant expectedFinish,
        Instant startedAt,
        @Schema(description = "When the rebuild was switched in (DONE) or given up (FAILED)") Instant finishedAt,
        @Schema(description = "Why it failed (FAILED), why the replay is retrying now (RUNNING), or how many events "
                + "were parked and the first one's global index and error (PARKED)") String problem,
        @Schema(description = "Events the replay parked so far (RUNNING) or handed to the live projection (PARKED)")
        long parkedEvents,
        @Schema(description = "The first event the replay parked because a handler failed on it (PARKED), or null")
        ParkedEvent firstParked) {
}
