package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * One page of the work queue of one agency (<i>danh sách công việc của cơ quan</i>).
 */
@Schema(name = "WorkQueue", description = "Interventions currently assigned to one agency, one page at a time")
public record WorkQueueView(
        @Schema(description = "Org unit code of the agency") String agencyCode,
        @Schema(description = "The order applied", example = "dueDate,asc") String sort,
        @Schema(description = "The status filter applied, or null") InterventionStatus status,
        @Schema(description = "Items of this page in the order applied (ties by case id, then intervention id)")
        List<WorkItem> items,
        @Schema(description = "Number of items of the whole list (every page), counted when the first page was "
                + "read; null on the following pages", nullable = true)
        Integer total,
        @Schema(description = "Relative URL of the next page (same filters, order and limit, a new cursor); null on "
                + "the last page", nullable = true,
                example = "/api/v1/agencies/31-xa-an-lao-police/work-queue?sort=dueDate,asc&cursor=AQAKd29yay1xdWV1")
        String next) {
}
