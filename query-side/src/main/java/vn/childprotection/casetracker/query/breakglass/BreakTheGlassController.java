package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
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
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;
import vn.childprotection.casetracker.query.paging.RetiredPageParameters;

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
    private static final String LIST = "break-the-glass-grants";
    private static final int KEY_SIZE = 2;

    private final BreakTheGlassService service;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public BreakTheGlassController(BreakTheGlassService service, ReadPolicy policy, CurrentActor currentActor) {
        this.service = service;
        this.policy = policy;
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
                    + "it is still active and its review. flagged=true lists those waiting for review. One page at a "
                    + "time (limit, 100 by default): next is the link to the following page, null on the last; a "
                    + "cursor is only accepted with the filters of the page that gave it (page and size, the page "
                    + "numbers of API 0.3, are refused).")
    public ResponseEntity<GrantPage> grants(
            @Parameter(description = "true: only grants waiting for review; false: only reviewed ones")
            @RequestParam(required = false) Boolean flagged,
            @Parameter(description = "Only this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "Only grants of this user") @RequestParam(required = false) String user,
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        Actor reader = currentActor.require();
        policy.accessLog(reader);
        RetiredPageParameters.refuse(request);
        PageRequest page = PageRequest.of(ListScope.of(LIST, "flagged", flagged, "caseId", caseId, "user", user),
                limit, cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("flagged", flagged);
        filters.put("caseId", caseId);
        filters.put("user", user);
        PageRequest.Page<GrantView> grants = page.page(service.grants(reader, new GrantFilter(flagged, caseId, user),
                page.after(), page.rowsToRead()), BreakTheGlassGrants::key, request, filters);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new GrantPage(grants.items(), grants.next()));
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
