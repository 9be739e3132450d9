package vn.childprotection.casetracker.command.succession;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.command.casefile.AccessRefused;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Runs the carry-over of open cases of ceased communes now, instead of waiting for the recurring task.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/org-units", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Org units")
public class CarryOverController {

    private final OrgUnitCarryOver carryOver;
    private final CurrentActor currentActor;

    public CarryOverController(OrgUnitCarryOver carryOver, CurrentActor currentActor) {
        this.carryOver = carryOver;
        this.currentActor = currentActor;
    }

    @PostMapping("/carry-over")
    @Operation(summary = "Carry open cases of ceased communes over to their successors now (coordinator)",
            description = "Each open case of a commune that ceased before today (Vietnam day) and went whole into "
                    + "one successor is carried over (CaseCarriedOver, dated 00:00 of the successor's first day); "
                    + "cases of a split commune wait for a person's choice (POST /cases/{id}/successor-commune). "
                    + "Repeating it changes nothing. Answers the counts {carriedOver, waitingForChoice, failed}.")
    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "403", description = "Only the coordinator",
            content = @Content(mediaType = "application/problem+json"))
    public OrgUnitCarryOver.Result carryOver() {
        if (currentActor.require().role() != Role.COORDINATOR) {
            throw new AccessRefused("Only the multi-agency coordinator may run the carry-over of cases.");
        }
        return carryOver.runNow();
    }
}
