package vn.childprotection.casetracker.query.access;

/**
 * A read the reader's role, org unit or grants do not allow. Answered with 403 and nothing of the case.
 */
public class AccessRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public AccessRefusedException(Refusal refusal) {
        super(refusal.code());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
