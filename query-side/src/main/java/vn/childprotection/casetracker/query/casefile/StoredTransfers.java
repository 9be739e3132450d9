package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * Transfers between communes (<i>chuyển vụ việc</i>) and carry-overs to a successor commune as the stored case file
 * holds them: immutable records, personal fields sealed.
 */
final class StoredTransfers {

    private StoredTransfers() {
    }

    /** A transfer waiting for the receiving commune; the case stays where it is meanwhile. */
    @JsonPropertyOrder({"fromCommuneCode", "toCommuneCode", "requestedAt", "reason"})
    record PendingTransfer(String fromCommuneCode, String toCommuneCode, Instant requestedAt, EncryptedText reason) {

        static PendingTransfer requested(TransferRequested e) {
            return new PendingTransfer(e.fromCommuneCode(), e.toCommuneCode(), e.occurredAt(), e.reason());
        }

        PendingTransfer withoutSealedValues() {
            return new PendingTransfer(fromCommuneCode, toCommuneCode, requestedAt, null);
        }
    }

    /**
     * A transfer that ended: accepted, declined or withdrawn. The request's time and reason come from the pending
     * transfer (the decision events do not repeat the reason when the request had one). The withdrawal fields are
     * stored only for a withdrawn transfer, as documents have always been written.
     */
    @JsonPropertyOrder({"outcome", "fromCommuneCode", "toCommuneCode", "requestedAt", "decidedAt", "reason",
            "transferredAt", "declineReason", "withdrawalReason", "withdrawalExplanation"})
    record Transfer(TransferOutcome outcome, String fromCommuneCode, String toCommuneCode, Instant requestedAt,
                    Instant decidedAt, EncryptedText reason, Instant transferredAt, EncryptedText declineReason,
                    @JsonInclude(JsonInclude.Include.NON_NULL) TransferWithdrawalReason withdrawalReason,
                    @JsonInclude(JsonInclude.Include.NON_NULL) EncryptedText withdrawalExplanation) {

        /** The receiving commune accepted: the case moved at the same instant. */
        static Transfer accepted(PendingTransfer pending, CaseTransferred e) {
            return new Transfer(TransferOutcome.ACCEPTED, e.fromCommuneCode(), e.toCommuneCode(), requestedAt(pending),
                    e.occurredAt(), e.reason() != null ? e.reason() : reason(pending), e.occurredAt(), null, null,
                    null);
        }

        static Transfer declined(PendingTransfer pending, TransferDeclined e) {
            return new Transfer(TransferOutcome.DECLINED, e.fromCommuneCode(), e.toCommuneCode(), requestedAt(pending),
                    e.occurredAt(), reason(pending), null, e.reason(), null, null);
        }

        /**
         * The request ended unanswered (the case was closed, or the requesting commune took it back).
         *
         * @throws NullPointerException when the event names no reason: it cannot be shown, so it is parked
         */
        static Transfer withdrawn(PendingTransfer pending, TransferWithdrawn e) {
            Objects.requireNonNull(e.reason(), "the reason of a withdrawn transfer");
            return new Transfer(TransferOutcome.WITHDRAWN, e.fromCommuneCode(), e.toCommuneCode(),
                    requestedAt(pending), e.occurredAt(), reason(pending), null, null, e.reason(), e.explanation());
        }

        Transfer withoutSealedValues() {
            return new Transfer(outcome, fromCommuneCode, toCommuneCode, requestedAt, decidedAt, null, transferredAt,
                    null, withdrawalReason, null);
        }

        private static Instant requestedAt(PendingTransfer pending) {
            return pending == null ? null : pending.requestedAt();
        }

        private static EncryptedText reason(PendingTransfer pending) {
            return pending == null ? null : pending.reason();
        }
    }

    /** The case carried over to the successor of its ceased commune (not a transfer: nobody asked for it). */
    @JsonPropertyOrder({"fromCommuneCode", "toCommuneCode", "carriedOverAt", "legalBasis", "chosenByPerson"})
    record CarryOver(String fromCommuneCode, String toCommuneCode, Instant carriedOverAt, String legalBasis,
                     boolean chosenByPerson) {

        static CarryOver of(CaseCarriedOver e) {
            return new CarryOver(e.fromCommuneCode(), e.toCommuneCode(), e.occurredAt(), e.legalBasis(),
                    e.chosenByPerson());
        }
    }
}
