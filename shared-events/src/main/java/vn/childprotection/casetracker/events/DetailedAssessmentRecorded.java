package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Detailed assessment (<i>thu thập thông tin, đánh giá nguy cơ cụ thể</i>, Decree 56 Art 27; Mẫu 03): the child's
 * physical, psychological and emotional state, the family, and the parents' capacity to protect.
 *
 * @param findings the findings, encrypted
 */
public record DetailedAssessmentRecorded(String caseId, Instant occurredAt, RiskLevel riskLevel,
                                         EncryptedText findings) implements CaseEvent {
}
