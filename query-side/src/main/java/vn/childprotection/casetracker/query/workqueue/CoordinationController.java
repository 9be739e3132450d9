package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;

/**
 * The multi-agency coordinator's view (<i>điều phối liên ngành</i>): interventions no agency is carrying out, one
 * page at a time.
 */
@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "Coordination", description = "Điều phối liên ngành — What the multi-agency coordinator has to act on")
public class CoordinationController {

    private static final ListScope DECLINED = ListScope.of("declined-interventions");
    private static final int KEY_SIZE = 3;

    private final WorkQueueQueries queries;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public CoordinationController(WorkQueueQueries queries, ReadPolicy policy, CurrentActor currentActor) {
        this.queries = queries;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/declined-interventions")
    @Operation(summary = "List declined interventions / Danh sách biện pháp bị từ chối",
            description = "Every intervention whose agency declined it and that has not been reassigned yet, the "
                    + "longest waiting first (then by case and intervention id), with the declining agency and when "
                    + "it declined, one page at a time (limit, 100 by default): next is the link to the following "
                    + "page, null on the last. The first page also gives the number of items of the whole list "
                    + "(total); the following pages give null. Coordinators only.")
    public DeclinedInterventionsView declinedInterventions(
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        policy.declinedInterventions(currentActor.require());
        PageRequest page = PageRequest.of(DECLINED, limit, cursor, KEY_SIZE);
        PageRequest.Page<DeclinedIntervention> items = page.page(queries.declined(page.after(), page.rowsToRead()),
                WorkQueueQueries::key, request, Map.of());
        Integer total = page.isFirst() ? Math.toIntExact(queries.declinedCount()) : null;
        return new DeclinedInterventionsView(items.items(), total, items.next());
    }
}
