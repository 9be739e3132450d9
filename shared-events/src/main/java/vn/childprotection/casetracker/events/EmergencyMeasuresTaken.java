package vn.childprotection.casetracker.events;

import java.time.Instant;
import java.util.List;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * Emergency measures were taken (<i>can thiệp khẩn cấp</i>, Decree 56 Art 26.3, 31; Mẫu 07).
 *
 * @param measures         what was done
 * @param temporaryRemoval the temporary removal (<i>tạm thời cách ly</i>, Art 32) when one of the measures, else null
 * @param notes            notes, encrypted
 */
public record EmergencyMeasuresTaken(String caseId, Instant occurredAt, List<EmergencyMeasure> measures,
                                     TemporaryRemoval temporaryRemoval, EncryptedText notes) implements CaseEvent {
}
