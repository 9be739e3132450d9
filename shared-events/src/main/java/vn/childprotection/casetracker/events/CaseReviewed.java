package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The case was reviewed (<i>rà soát, đánh giá</i>, Decree 56 Art 30; Mẫu 06).
 *
 * @param outcome continue the plan, re-plan (back to drafting), or propose closure to the chair
 * @param notes   the review's notes, encrypted
 */
public record CaseReviewed(String caseId, Instant occurredAt, RiskLevel riskLevel, ReviewOutcome outcome,
                           EncryptedText notes) implements CaseEvent {
}
