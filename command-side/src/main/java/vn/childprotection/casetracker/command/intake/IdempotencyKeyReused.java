package vn.childprotection.casetracker.command.intake;

/**
 * The same {@code Idempotency-Key} came with another body. Answered with 409; nothing is created.
 */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new report.");
    }
}
