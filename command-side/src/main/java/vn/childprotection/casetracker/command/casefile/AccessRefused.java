package vn.childprotection.casetracker.command.casefile;

/**
 * The signed-in person's role or org unit does not allow this step on this case. Answered with 403; the message
 * says who may, never anything about the case.
 */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String message) {
        super(message);
    }
}
