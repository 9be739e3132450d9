package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.CurrentActor;

/**
 * Break-the-glass (<i>truy cập khẩn cấp</i>): emergency access to one case for a limited time, with a stated reason,
 * reviewed afterwards by an auditor.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Break-the-glass", description = "Truy cập khẩn cấp — "
        + "Emergency access to a case outside one's need-to-know, logged and reviewed by auditors")
public class BreakTheGlassController {

    static final int MIN_REASON = 15;
    static final int MAX_TEXT = 1000;
    private static final int MAX_PAGE_SIZE = 500;

    private final BreakTheGlassService service;
    private final CurrentActor currentActor;

    public BreakTheGlassController(BreakTheGlassService service, CurrentActor currentActor) {
        this.service = service;
        this.currentActor = currentActor;
    }

    @PostMapping("/cases/{caseId}/break-the-glass")
    @Operation(summary = "Break the glass / Truy cập khẩn cấp",
            description = "Grants the caller full access to this case (case file, history, disclosure) until "
                    + "expiresAt (casetracker.privacy.break-the-glass-minutes, 60 by default). Recorded in the "
                    + "access log and flagged until an auditor reviews it. Allowed to auditors and coordinators, "
                    + "and to commune and agency staff for a case outside their scope; never to dashboards. 409 "
                    + "identity-erased once the child's identity is erased.",
            responses = @ApiResponse(responseCode = "201", description = "Granted"))
    public ResponseEntity<GrantIssued> breakTheGlass(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @RequestBody BreakTheGlassRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < MIN_REASON || reason.length() > MAX_TEXT) {
            throw new BadRequestException("reason", "is required: between " + MIN_REASON + " and " + MAX_TEXT
                    + " characters saying why this emergency access is needed");
        }
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(service.breakTheGlass(currentActor.require(), caseId, reason));
    }

    @GetMapping("/break-the-glass/grants")
    @Operation(summary = "List break-the-glass grants / Danh sách truy cập khẩn cấp",
            description = "Auditors only. Every grant matching the filters, oldest first, with its reason, whether "
                    + "it is still active and its review. flagged=true lists those waiting for review.")
    public ResponseEntity<GrantPage> grants(
            @Parameter(description = "true: only grants waiting for review; false: only reviewed ones")
            @RequestParam(required = false) Boolean flagged,
            @Parameter(description = "Only this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "Only grants of this user") @RequestParam(required = false) String user,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(service.grants(currentActor.require(), new GrantFilter(flagged, caseId, user), page, size));
    }

    @PostMapping("/break-the-glass/grants/{grantId}/review")
    @Operation(operationId = "reviewGrant", summary = "Review a break-the-glass grant / Xem xét truy cập khẩn cấp",
            description = "Auditors only, and not the auditor who held the grant. Clears the grant's flag (and that "
                    + "of its access log entries) and records who reviewed it, when, and the reviewer's note (sealed "
                    + "with the child's key; not kept once the child's identity is erased). 409 already-reviewed "
                    + "when it was reviewed before.")
    public ResponseEntity<GrantView> review(@Parameter(description = "The grant id") @PathVariable String grantId,
                                            @RequestBody GrantReviewRequest request) {
        String note = request.note() == null ? "" : request.note().strip();
        if (note.isEmpty() || note.length() > MAX_TEXT) {
            throw new BadRequestException("note", "is required: at most " + MAX_TEXT + " characters saying what the "
                    + "review found");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(service.review(currentActor.require(), grantId, note));
    }
}
