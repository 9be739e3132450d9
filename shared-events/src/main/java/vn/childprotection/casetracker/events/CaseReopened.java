package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * A closed case was reopened; the procedure starts again from the initial assessment.
 *
 * @param reason why it was reopened, encrypted
 */
public record CaseReopened(String caseId, Instant occurredAt, EncryptedText reason) implements CaseEvent {
}
