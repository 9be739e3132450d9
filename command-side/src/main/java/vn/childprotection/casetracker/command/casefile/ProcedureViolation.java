package vn.childprotection.casetracker.command.casefile;

/**
 * A command the procedure does not allow now. Answered with 409 and the rule's code, so a client knows which rule
 * refused it.
 */
public class ProcedureViolation extends RuntimeException {

    private final ProcedureRule rule;

    public ProcedureViolation(ProcedureRule rule) {
        this(rule, rule.explanation());
    }

    public ProcedureViolation(ProcedureRule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public ProcedureRule rule() {
        return rule;
    }
}
