package vn.childprotection.casetracker.command.casefile;

/**
 * The case has no intervention with that id in its approved plan. Answered with 404.
 */
public class UnknownInterventionException extends RuntimeException {

    public UnknownInterventionException(String interventionId) {
        super("The approved plan has no intervention " + interventionId);
    }
}
