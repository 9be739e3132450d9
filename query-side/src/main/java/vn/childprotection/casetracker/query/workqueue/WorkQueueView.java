package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * The work queue of one agency (<i>danh sách công việc của cơ quan</i>).
 */
@Schema(name = "WorkQueue", description = "Interventions currently assigned to one agency")
public record WorkQueueView(
        @Schema(description = "Org unit code of the agency") String agencyCode,
        @Schema(description = "The order applied", example = "dueDate,asc") String sort,
        @Schema(description = "The status filter applied, or null") InterventionStatus status,
        List<WorkItem> items,
        @Schema(description = "Number of listed items") int total) {
}
