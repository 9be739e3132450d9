package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * The work queue of an agency (<i>danh sách công việc của cơ quan</i>): what it was asked to do, by when, and
 * whether it is late, one page at a time.
 */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agency work queue", description = "Danh sách công việc của cơ quan — "
        + "Interventions currently assigned to an agency under an approved plan")
public class WorkQueueController {

    private static final String ASCENDING = "dueDate,asc";
    private static final String DESCENDING = "dueDate,desc";
    private static final String LIST = "work-queue";
    private static final int KEY_SIZE = 3;

    private final WorkQueueQueries queries;
    private final OrgUnitRegistry orgUnits;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public WorkQueueController(WorkQueueQueries queries, OrgUnitRegistry orgUnits, ReadPolicy policy,
                               CurrentActor currentActor) {
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/{code}/work-queue")
    @Operation(summary = "Read an agency's work queue / Xem danh sách công việc của cơ quan",
            description = "Every intervention assigned to this agency now under the approved plan of an open case, "
                    + "by due date, then case and intervention id (dueDate,desc reverses all three), one page at a "
                    + "time (limit, 100 by default): next is the link to the following page, null on the last; the "
                    + "first page also gives the number of items of the whole list (total), the following pages "
                    + "null. A cursor is only accepted with the filters and sort of the page that gave it. overdue: "
                    + "its deadline was missed and it is not done yet; completedLate: it was completed after its due "
                    + "instant (the step's date, whenever it was typed). An intervention reassigned to another "
                    + "agency leaves this queue; a closed case leaves every queue. Agency and commune staff read "
                    + "their own org unit's queue only, coordinators and auditors any; others: 403.")
    public WorkQueueView workQueue(
            @Parameter(description = "Org unit code of the agency (or of a commune given an intervention)")
            @PathVariable String code,
            @Parameter(description = "dueDate,asc (default) or dueDate,desc",
                    schema = @Schema(allowableValues = {"dueDate,asc", "dueDate,desc"}))
            @RequestParam(required = false) String sort,
            @Parameter(description = "Only interventions with this status")
            @RequestParam(required = false) InterventionStatus status,
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        policy.workQueue(currentActor.require(), code);
        orgUnits.require("code", code, OrgUnitType.AGENCY, OrgUnitType.COMMUNE);
        String order = sort == null || sort.equals("dueDate") ? ASCENDING : sort;
        if (!List.of(ASCENDING, DESCENDING).contains(order)) {
            throw new BadRequestException("sort", "must be " + ASCENDING + " or " + DESCENDING);
        }
        boolean latestDueFirst = order.equals(DESCENDING);
        PageRequest page = PageRequest.of(ListScope.of(LIST, "code", code, "sort", order, "status", status), limit,
                cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("sort", sort);
        filters.put("status", status);
        PageRequest.Page<WorkItem> items = page.page(
                queries.queue(code, status, latestDueFirst, page.after(), page.rowsToRead()), WorkQueueQueries::key,
                request, filters);
        return new WorkQueueView(code, order, status, items.items(),
                page.isFirst() ? Math.toIntExact(queries.queueSize(code, status)) : null, items.next());
    }
}
