package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * The multi-agency coordinator's view (<i>điều phối liên ngành</i>): interventions no agency is carrying out.
 */
@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "Coordination", description = "Điều phối liên ngành — What the multi-agency coordinator has to act on")
public class CoordinationController {

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
                    + "longest waiting first, with the declining agency and when it declined. Coordinators only.")
    public DeclinedInterventionsView declinedInterventions() {
        policy.declinedInterventions(currentActor.require());
        List<DeclinedIntervention> items = queries.declined();
        return new DeclinedInterventionsView(items, items.size());
    }
}
