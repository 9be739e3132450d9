package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Initial risk and harm assessment (<i>đánh giá nguy cơ ban đầu</i>, Decree 56 Art 26.2; Mẫu 02): the risk level and
 * whether emergency measures apply.
 *
 * @param emergency whether the life, health or dignity of the child is seriously at risk, so emergency measures
 *                  (<i>can thiệp khẩn cấp</i>) must be taken within the configured window (12 h by law)
 * @param notes     the assessor's notes, encrypted
 */
public record InitialAssessmentRecorded(String caseId, Instant occurredAt, RiskLevel riskLevel, boolean emergency,
                                        EncryptedText notes) implements CaseEvent {
}
