package vn.childprotection.casetracker.query.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.NotFoundException;

/**
 * The case file (<i>hồ sơ vụ việc</i>) of one case.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Case file / Hồ sơ vụ việc", description = "Current state of a case, its plan and interventions")
public class CaseFileController {

    private final CaseFileQueries queries;
    private final CaseFileOpener opener;

    public CaseFileController(CaseFileQueries queries, CaseFileOpener opener) {
        this.queries = queries;
        this.opener = opener;
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Read a case file / Xem hồ sơ vụ việc",
            description = "The current state of the case with its personal data opened for this response. The "
                    + "ETag is the case's version (its number of events), usable as If-Match on commands. The view "
                    + "is built from the events and may lag a write by a moment.")
    public ResponseEntity<CaseFileView> caseFile(@Parameter(description = "The case id") @PathVariable String caseId) {
        CaseFileQueries.StoredCaseFile stored = queries.find(caseId)
                .orElseThrow(() -> new NotFoundException("There is no case with this id."));
        return ResponseEntity.ok()
                .eTag("\"" + stored.version() + "\"")
                .body(opener.open(stored.doc()));
    }
}
