package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import vn.childprotection.casetracker.values.InterventionMeasure;

/**
 * An intervention its agency declined (<i>từ chối</i>), waiting for the coordinator to give it to another agency.
 */
@Schema(name = "DeclinedIntervention", description = "An intervention declined by its agency, awaiting reassignment")
public record DeclinedIntervention(
        String caseId,
        @Schema(description = "Org unit code of the commune that runs the case") String communeCode,
        String interventionId,
        InterventionMeasure measure,
        @Schema(description = "Vietnamese label of the measure") String measureLabel,
        @Schema(description = "The date by which it must be done") LocalDate dueDate,
        @Schema(description = "Org unit code of the agency that declined it") String declinedBy,
        @Schema(description = "When it was declined") Instant declinedAt,
        @Schema(description = "True while its INTERVENTION_DUE deadline is missed and not fulfilled (quá hạn)")
        boolean overdue) {
}
