package vn.childprotection.casetracker.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Projection administration: each projection's lag behind the event store, and rebuilding one from the store
 * while it keeps answering. Coordinators read and rebuild; auditors read.
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
public class ProjectionAdminController {

    static final String BASE = "/api/v1/admin/projections";

    private final ProjectionRebuilds rebuilds;
    private final CurrentActor currentActor;

    public ProjectionAdminController(ProjectionRebuilds rebuilds, CurrentActor currentActor) {
        this.rebuilds = rebuilds;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "List the projections and their lag / Danh sách dữ liệu tổng hợp",
            description = "For each projection: its tables, state (LIVE, PARKED when events it could not apply are "
                    + "parked, or REBUILDING), lag (events in the store its live processor has not processed: the "
                    + "head's global index minus the lowest position of its segments' tokens) and how old the oldest "
                    + "of them is, its parked events and cases, and its latest rebuild since the service started. "
                    + "Coordinators and auditors; others: 403.")
    @ApiResponse(responseCode = "200", description = "The projections")
    public ResponseEntity<List<ProjectionStatus>> projections() {
        requireReader();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rebuilds.projections());
    }

    @GetMapping("/{name}")
    @Operation(summary = "A projection's status / Trạng thái một dữ liệu tổng hợp",
            description = "The projection's lag and its latest rebuild: eventsDone of eventsTotal (the store's "
                    + "head when the rebuild started), rate, expected finish, and its state (RUNNING, SWITCHING, "
                    + "DONE, PARKED with the parked events, or FAILED with the problem). Coordinators and auditors; "
                    + "others: 403.")
    @ApiResponse(responseCode = "200", description = "The projection")
    public ResponseEntity<ProjectionStatus> projection(
            @Parameter(description = "The projection's name (its processing group)", example = "risk-register")
            @PathVariable String name) {
        requireReader();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rebuilds.projection(name));
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection / Xây dựng lại dữ liệu tổng hợp",
            description = "Replays the whole event store into a shadow copy of the projection's tables while the "
                    + "live projection keeps answering; once the copy has caught up, the two are swapped in one "
                    + "transaction (readers wait only for the brief table locks) and the live processor continues "
                    + "from the copy's position. Follow the progress at the Location given. If the rebuild fails "
                    + "before the swap, the live projection stays as it was. Coordinators only; others: 403. A "
                    + "rebuild of the projection already running: 409 rebuild-running.")
    @ApiResponse(responseCode = "202", description = "Rebuild started; Location is the projection's status")
    @ApiResponse(responseCode = "409", description = "A rebuild of this projection is running (`rule` "
            + "rebuild-running)", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<RebuildStatus> rebuild(
            @Parameter(description = "The projection's name (its processing group)", example = "risk-register")
            @PathVariable String name) {
        Actor actor = currentActor.require();
        if (actor.role() != Role.COORDINATOR) {
            throw new ProjectionAdminRefusedException("Projections are rebuilt by coordinators.");
        }
        RebuildStatus started = rebuilds.start(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(BASE + "/" + started.projection()))
                .cacheControl(CacheControl.noStore()).body(started);
    }

    private void requireReader() {
        Role role = currentActor.require().role();
        if (role != Role.COORDINATOR && role != Role.AUDITOR) {
            throw new ProjectionAdminRefusedException("The status of the projections is read by coordinators and "
                    + "auditors.");
        }
    }
}
