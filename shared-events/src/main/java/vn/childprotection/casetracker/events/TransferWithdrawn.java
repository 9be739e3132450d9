package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * A pending transfer request ended unanswered: the case stays with {@code fromCommuneCode} and the commune it was
 * offered to ({@code toCommuneCode}) is outside the case again. Recorded just before {@link CaseClosed} when a case
 * is closed with a request pending, or when the requesting commune takes its request back.
 *
 * @param reason       {@link TransferWithdrawalReason#CASE_CLOSED} or
 *                     {@link TransferWithdrawalReason#WITHDRAWN_BY_SENDER}
 * @param explanation  the requesting commune's own words, encrypted with the child's key; null when none was given
 *                     (always null for {@code CASE_CLOSED})
 */
public record TransferWithdrawn(String caseId, Instant occurredAt, String fromCommuneCode, String toCommuneCode,
                                TransferWithdrawalReason reason, EncryptedText explanation) implements CaseEvent {
}
