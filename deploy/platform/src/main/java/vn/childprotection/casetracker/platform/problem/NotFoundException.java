package vn.childprotection.casetracker.platform.problem;

/**
 * The resource asked for does not exist (or is not visible to the caller). Answered with 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
