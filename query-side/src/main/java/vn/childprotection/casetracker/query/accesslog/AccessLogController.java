package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;
import vn.childprotection.casetracker.query.paging.RetiredPageParameters;

/**
 * The access log (<i>nhật ký truy cập</i>) for auditors: every read of a case's personal data or history, and every
 * break-the-glass grant, with who, when and why.
 */
@RestController
@RequestMapping("/api/v1/access-log")
@Tag(name = "Access log", description = "Nhật ký truy cập — "
        + "Who read which case's personal data or history, when and why; auditors only")
public class AccessLogController {

    private static final String LIST = "access-log";
    private static final int KEY_SIZE = 2;

    private final AccessLogQueries queries;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public AccessLogController(AccessLogQueries queries, ReadPolicy policy, CurrentActor currentActor) {
        this.queries = queries;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "Read the access log / Xem nhật ký truy cập",
            description = "Every recorded read matching the filters, oldest first, one page at a time: case files "
                    + "answered with personal data, case histories, disclosure packages and break-the-glass grants. "
                    + "flagged=true keeps the entries whose break-the-glass grant waits for an auditor's review. "
                    + "from is inclusive, to exclusive. Oldest first (then by entry id), one page at a time (limit, "
                    + "100 by default): next is the link to the following page, null on the last; a cursor is only "
                    + "accepted with the filters of the page that gave it (page and size, the page numbers of API "
                    + "0.3, are refused). Auditors only. Holds no personal data.")
    public AccessLogPage accessLog(
            @Parameter(description = "Only this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "Only what this user read") @RequestParam(required = false) String user,
            @Parameter(description = "Read at or after this ISO-8601 instant")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Read before this ISO-8601 instant") @RequestParam(required = false) Instant to,
            @Parameter(description = "true: only entries waiting for review; false: only the others")
            @RequestParam(required = false) Boolean flagged,
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        policy.accessLog(currentActor.require());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("to", "must be after from");
        }
        RetiredPageParameters.refuse(request);
        PageRequest page = PageRequest.of(ListScope.of(LIST, "caseId", caseId, "user", user, "from", from, "to", to,
                "flagged", flagged), limit, cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("caseId", caseId);
        filters.put("user", user);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("flagged", flagged);
        PageRequest.Page<AccessLogEntry> entries = page.page(
                queries.page(new AccessLogFilter(caseId, user, from, to, flagged), page.after(), page.rowsToRead()),
                AccessLogQueries::key, request, filters);
        return new AccessLogPage(entries.items(), entries.next());
    }
}
