package vn.childprotection.casetracker.events;

import java.time.Instant;

/**
 * The commune chair approved a version of the support plan (<i>phê duyệt</i>, Decree 56 Art 28.4; Mẫu 05). Its
 * interventions are now assigned to their agencies.
 */
public record SupportPlanApproved(String caseId, Instant occurredAt, int planVersion) implements CaseEvent {
}
