package vn.childprotection.casetracker.events;

import java.time.Instant;
import java.util.List;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.PlannedIntervention;

/**
 * A support and intervention plan was drafted (<i>xây dựng kế hoạch hỗ trợ, can thiệp</i>, Decree 56 Art 28.1;
 * Mẫu 04) and submitted to the commune chair. Each re-draft is a new version that replaces the previous one.
 *
 * @param planVersion   1 for the first draft, then 2, 3, ...
 * @param interventions the interventions of this version
 * @param goals         the plan's goals, encrypted
 */
public record SupportPlanDrafted(String caseId, Instant occurredAt, int planVersion,
                                 List<PlannedIntervention> interventions, EncryptedText goals) implements CaseEvent {
}
