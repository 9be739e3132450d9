package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of what the multi-agency coordinator (<i>điều phối liên ngành</i>) has to reassign.
 */
@Schema(name = "DeclinedInterventions", description = "Interventions declined by their agency, oldest first, one "
        + "page at a time")
public record DeclinedInterventionsView(
        @Schema(description = "Items of this page, the longest waiting first (ties by case id, then intervention id)")
        List<DeclinedIntervention> items,
        @Schema(description = "Number of items of the whole list (every page), counted when the first page was "
                + "read; null on the following pages", nullable = true)
        Integer total,
        @Schema(description = "Relative URL of the next page (same limit, a new cursor); null on the last page",
                nullable = true, example = "/api/v1/coordination/declined-interventions?cursor=AQAIZGVjbGluZWQ")
        String next) {
}
