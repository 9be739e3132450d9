package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The receiving commune accepted a transfer: it now runs the case (Luật Trẻ em Art 52: the commune where the child
 * lives), and the commune's running time limits are now its own.
 *
 * @param reason the reason given with the request, encrypted; may be null
 */
public record CaseTransferred(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                              EncryptedText reason) implements CaseEvent {
}
