package vn.childprotection.casetracker.generator;

/**
 * The run stopped: the service refused a request, or could not be reached after a few attempts. The message holds
 * the status and the problem's title, detail, rule and field errors, never the personal data that was sent.
 */
public class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GenerationRecord partialRecord;

    public GenerationException(String message, GenerationRecord partialRecord, Throwable cause) {
        super(message, cause);
        this.partialRecord = partialRecord;
    }

    /**
     * @return what was created before the run stopped (also written to the output file)
     */
    public GenerationRecord partialRecord() {
        return partialRecord;
    }
}
