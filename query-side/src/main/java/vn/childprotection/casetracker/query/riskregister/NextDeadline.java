package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * The open time limit of a case that falls due first (<i>thời hạn gần nhất</i>).
 */
@Schema(name = "NextDeadline", description = "The open deadline of the case due first")
public record NextDeadline(
        @Schema(description = "The deadline within the case") String deadlineId,
        DeadlineRule rule,
        @Schema(description = "When it is due") Instant dueAt,
        @Schema(description = "Org unit code of who must meet it") String responsibleOrgUnit) {
}
