package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The commune running the case asked another commune to take it over (Luật Trẻ em Art 52: the commune where the
 * child lives runs the plan). The case stays with the requesting commune until the other one accepts.
 *
 * @param reason why, encrypted; may be null
 */
public record TransferRequested(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                                EncryptedText reason) implements CaseEvent {
}
