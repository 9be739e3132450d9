package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * The access log (<i>nhật ký truy cập</i>) for auditors: every read of a case's personal data or history, and every
 * break-the-glass grant, with who, when and why.
 */
@RestController
@RequestMapping("/api/v1/access-log")
@Tag(name = "Access log", description = "Nhật ký truy cập — "
        + "Who read which case's personal data or history, when and why; auditors only")
public class AccessLogController {

    public static final int MAX_PAGE_SIZE = 500;

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
                    + "from is inclusive, to exclusive. Auditors only. Holds no personal data.")
    public AccessLogPage accessLog(
            @Parameter(description = "Only this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "Only what this user read") @RequestParam(required = false) String user,
            @Parameter(description = "Read at or after this ISO-8601 instant")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Read before this ISO-8601 instant") @RequestParam(required = false) Instant to,
            @Parameter(description = "true: only entries waiting for review; false: only the others")
            @RequestParam(required = false) Boolean flagged,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size) {
        policy.accessLog(currentActor.require());
        List<FieldProblem> problems = new ArrayList<>();
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        AccessLogFilter filter = new AccessLogFilter(caseId, user, from, to, flagged);
        long total = queries.count(filter);
        return new AccessLogPage(queries.page(filter, page, size), page, size, total, (total + size - 1) / size);
    }
}
