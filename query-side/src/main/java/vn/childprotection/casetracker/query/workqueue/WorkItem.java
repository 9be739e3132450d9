package vn.childprotection.casetracker.query.workqueue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * One intervention in an agency's work queue. No personal data: the case id leads to the case file.
 */
@Schema(name = "WorkItem", description = "An intervention assigned to the agency under an approved plan")
public record WorkItem(
        String caseId,
        @Schema(description = "Org unit code of the commune that runs the case") String communeCode,
        String interventionId,
        InterventionMeasure measure,
        @Schema(description = "Vietnamese label of the measure") String measureLabel,
        @Schema(description = "The date by which it must be done") LocalDate dueDate,
        InterventionStatus status,
        @Schema(description = "When it was assigned to this agency (plan approval or reassignment)")
        Instant assignedAt,
        @Schema(description = "When its status last changed") Instant statusChangedAt,
        @Schema(description = "True while its INTERVENTION_DUE deadline is missed and not fulfilled (quá hạn)")
        boolean overdue,
        @Schema(description = "True when it was completed after its due instant (hoàn thành muộn): the date of the "
                + "step against the deadline, whenever it was typed")
        boolean completedLate) {
}
