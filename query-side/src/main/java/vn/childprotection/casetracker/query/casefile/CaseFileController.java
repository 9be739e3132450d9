package vn.childprotection.casetracker.query.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * The case file (<i>hồ sơ vụ việc</i>) of one case, as much of it as the reader needs (<i>cần biết</i>).
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Case file", description = "Hồ sơ vụ việc — Current state of a case, its plan and interventions")
public class CaseFileController {

    private final CaseFileReader reader;
    private final CurrentActor currentActor;
    private final ReadConsistency consistency;

    public CaseFileController(CaseFileReader reader, CurrentActor currentActor, ReadConsistency consistency) {
        this.reader = reader;
        this.currentActor = currentActor;
        this.consistency = consistency;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Read a case file / Xem hồ sơ vụ việc",
            description = "The current state of the case, as much as the reader's role allows. In full, personal "
                    + "data opened for this response, for the commune running the case (and the commune a transfer "
                    + "waits for), coordinators and holders of an active break-the-glass grant; an org unit assigned "
                    + "an intervention of the current plan gets an AgencyCaseFile with only what its work needs; an "
                    + "auditor without a grant gets the case file with every personal field null "
                    + "(personalDataRedacted: true). Others: 403. Every answer with personal data is recorded in the "
                    + "access log. The ETag is the case's version (its number of events), usable as If-Match on "
                    + "commands. The view is built from the events and may lag a write by a moment: with minVersion "
                    + "(the version a command answered) the read waits, bounded, until the view has the case at that "
                    + "version at least, else 503 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "The case file, in the shape the reader may see (`shape`)",
            headers = @Header(name = "ETag", description = "The case's version, quoted (\"7\"): usable as If-Match",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CaseFileAnswer.class)))
    public ResponseEntity<CaseFileAnswer> caseFile(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = ReadConsistency.MIN_VERSION_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64", minimum = "1"))
            @RequestParam(required = false) Long minVersion) {
        Actor actor = currentActor.require();
        consistency.await(minVersion, () -> reader.projectedVersion(actor, caseId));
        CaseFileAnswer answer = reader.read(actor, caseId, minVersion);
        return ResponseEntity.ok()
                .eTag("\"" + answer.version() + "\"")
                .cacheControl(CacheControl.noStore())
                .body(answer);
    }
}
