package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The case moved to another commune, which now runs it (Luật Trẻ em Art 52: the commune where the child lives).
 *
 * @param reason why, encrypted; may be null
 */
public record CaseTransferred(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                              EncryptedText reason) implements CaseEvent {
}
