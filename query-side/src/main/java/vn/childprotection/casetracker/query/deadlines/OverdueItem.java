package vn.childprotection.casetracker.query.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * One late item of the overdue register (<i>quá hạn</i>). No personal data: the case id leads to the case file.
 */
@Schema(name = "OverdueItem", description = "A missed deadline not yet fulfilled or withdrawn (quá hạn)")
public record OverdueItem(
        String caseId,
        @Schema(description = "The deadline within the case") String deadlineId,
        DeadlineRule rule,
        @Schema(description = "Vietnamese label of the rule") String ruleLabel,
        @Schema(description = "When it was due") Instant dueAt,
        @Schema(description = "When the miss was recorded") Instant missedAt,
        @Schema(description = "Org unit code of who must meet it: the commune, or the intervention's agency")
        String responsibleOrgUnit,
        @Schema(description = "The intervention, for INTERVENTION_DUE; otherwise null") String interventionId,
        @Schema(description = "Org unit code of the commune that runs the case now") String communeCode,
        @Schema(description = "How late it is now, ISO-8601 duration from dueAt, e.g. PT55H30M",
                example = "PT55H30M")
        String lateBy,
        @Schema(description = "The same in hours, to two decimals", example = "55.5") double lateHours) {
}
