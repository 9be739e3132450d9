package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the multi-agency coordinator (<i>điều phối liên ngành</i>) has to reassign.
 */
@Schema(name = "DeclinedInterventions", description = "Interventions declined by their agency, oldest first")
public record DeclinedInterventionsView(List<DeclinedIntervention> items,
                                        @Schema(description = "Number of listed items") int total) {
}
