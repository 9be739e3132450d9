package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * The case was closed (<i>kết thúc</i>, Decree 56 Art 30.1.b).
 *
 * @param reasonCode        code from the configured list of closing reasons
 * @param notes             notes, encrypted; may be null
 * @param duplicateOfCaseId for a case closed as a duplicate report ({@code DUPLICATE_REPORT}), the case of the
 *                          same child it repeats; null for every other reason and in events recorded before it was
 *                          carried
 */
public record CaseClosed(String caseId, Instant occurredAt, String reasonCode, EncryptedText notes,
                         String duplicateOfCaseId) implements CaseEvent {

    /**
     * The shape recorded before a duplicate named the case it repeats.
     */
    public CaseClosed(String caseId, Instant occurredAt, String reasonCode, EncryptedText notes) {
        this(caseId, occurredAt, reasonCode, notes, null);
    }
}
