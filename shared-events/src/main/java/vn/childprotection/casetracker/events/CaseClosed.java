package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The case was closed (<i>kết thúc</i>, Decree 56 Art 30.1.b).
 *
 * @param reasonCode code from the configured list of closing reasons
 * @param notes      notes, encrypted; may be null
 */
public record CaseClosed(String caseId, Instant occurredAt, String reasonCode, EncryptedText notes)
        implements CaseEvent {
}
