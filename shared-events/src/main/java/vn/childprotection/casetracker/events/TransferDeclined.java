package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The receiving commune declined a transfer; the case stays where it was.
 *
 * @param reason why, encrypted; may be null
 */
public record TransferDeclined(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                               EncryptedText reason) implements CaseEvent {
}
