package vn.childprotection.casetracker.command.casefile;

/**
 * Closing a case as a duplicate report (reason {@value #REASON}): it names the case it repeats, another case of the
 * same child, so that the child is counted once (Circular 13/2021/TT-BLĐTBXH) and an auditor can follow the link.
 */
public final class DuplicateReport {

    /** The closing reason of a case that repeats another report of the same child. */
    public static final String REASON = "DUPLICATE_REPORT";

    private DuplicateReport() {
    }

    /**
     * @param command  the closing
     * @param caseId   the case being closed
     * @param childId  its child
     * @param children where the named case's child is looked up
     * @return the case named as the original, or null when the reason is not {@value #REASON}
     * @throws ProcedureViolation {@link ProcedureRule#DUPLICATE_NAMES_ORIGINAL} when a duplicate names no case or
     *                            another reason names one; {@link ProcedureRule#DUPLICATE_OF_SAME_CHILD} when the
     *                            named case is this one, does not exist or is of another child (not told apart)
     */
    static String original(CloseCase command, String caseId, String childId, KnownChildren children) {
        boolean duplicate = REASON.equals(command.reasonCode());
        if (duplicate != (command.duplicateOfCaseId() != null)) {
            throw new ProcedureViolation(ProcedureRule.DUPLICATE_NAMES_ORIGINAL);
        }
        if (!duplicate) {
            return null;
        }
        String original = command.duplicateOfCaseId();
        if (original.equals(caseId) || !children.childOf(original).map(childId::equals).orElse(false)) {
            throw new ProcedureViolation(ProcedureRule.DUPLICATE_OF_SAME_CHILD);
        }
        return original;
    }
}
