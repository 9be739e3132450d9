package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.InterventionMeasure;

/**
 * Draft, or re-draft as a new version, the support and intervention plan (<i>kế hoạch hỗ trợ, can thiệp</i>,
 * Mẫu 04).
 */
public record DraftSupportPlan(@TargetAggregateIdentifier String caseId,
                               Long expectedVersion, Instant occurredAt,
                               List<Intervention> interventions, PersonalText goals) {

    /**
     * One intervention: measure, responsible agency, due date, and what is to be done.
     */
    public record Intervention(String interventionId, InterventionMeasure measure, String agencyCode,
                               LocalDate dueDate, PersonalText description) {
    }
}
