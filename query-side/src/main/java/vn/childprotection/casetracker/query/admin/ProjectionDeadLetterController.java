package vn.childprotection.casetracker.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.query.deadletters.DeadLetterRetries;
import vn.childprotection.casetracker.query.deadletters.ParkedEventList;
import vn.childprotection.casetracker.query.deadletters.ParkedEvents;
import vn.childprotection.casetracker.query.deadletters.RetryOutcome;

/**
 * A projection's parked events (dead letters): events its handlers could not apply, listed with their error, and
 * retried once a fix is deployed. Coordinators read and retry; auditors read.
 */
@RestController
@RequestMapping(ProjectionAdminController.BASE)
@Tag(name = "Projections", description = "Quản trị dữ liệu tổng hợp — "
        + "Status and lag of the projections; rebuilding one from the event store without downtime")
@ApiResponse(responseCode = "401", description = "Not signed in",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Role not allowed (`rule` role-not-allowed)",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "No projection of that name",
        content = @Content(mediaType = "application/problem+json"))
public class ProjectionDeadLetterController {

    private final ProjectionRebuilds projections;
    private final ParkedEvents parkedEvents;
    private final DeadLetterRetries retries;
    private final CurrentActor currentActor;

    public ProjectionDeadLetterController(ProjectionRebuilds projections, ParkedEvents parkedEvents,
                                          DeadLetterRetries retries, CurrentActor currentActor) {
        this.projections = projections;
        this.parkedEvents = parkedEvents;
        this.retries = retries;
        this.currentActor = currentActor;
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "A projection's parked events / Sự kiện bị tạm giữ",
            description = "Events the projection's handlers could not apply (reason PARKED, with the error's class "
                    + "and first message line) and the later events of the same cases waiting behind them (WAITING), "
                    + "in event store order, at most 500: global index, case, event type, when it was parked and "
                    + "last tried. Never the payload. Every other case is current. Coordinators and auditors; "
                    + "others: 403.")
    @ApiResponse(responseCode = "200", description = "The parked events")
    public ResponseEntity<ParkedEventList> deadLetters(
            @Parameter(description = "The projection's name (its processing group)", example = "case-file")
            @PathVariable String name) {
        Role role = currentActor.require().role();
        if (role != Role.COORDINATOR && role != Role.AUDITOR) {
            throw new ProjectionAdminRefusedException("Parked events are read by coordinators and auditors.");
        }
        ProjectionDefinition projection = projections.definition(name);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(parkedEvents.list(projection.name(), projection.processingGroup()));
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Retry a projection's parked events / Xử lý lại sự kiện bị tạm giữ",
            description = "After a fix is deployed: applies each case's parked events again, in order, with the "
                    + "projection's handlers. Events applied leave the queue; an event failing again stays parked "
                    + "with its new error, and its case's later events keep waiting. Answers when every case was "
                    + "tried once, with what is left. Coordinators only; others: 403.")
    @ApiResponse(responseCode = "200", description = "The retry's outcome")
    public ResponseEntity<RetryOutcome> retry(
            @Parameter(description = "The projection's name (its processing group)", example = "case-file")
            @PathVariable String name) {
        if (currentActor.require().role() != Role.COORDINATOR) {
            throw new ProjectionAdminRefusedException("Parked events are retried by coordinators.");
        }
        ProjectionDefinition projection = projections.definition(name);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(retries.retry(projection.name(), projection.processingGroup()));
    }
}
