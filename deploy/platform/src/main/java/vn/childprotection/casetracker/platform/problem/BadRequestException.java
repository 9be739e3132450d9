package vn.childprotection.casetracker.platform.problem;

import java.util.List;

/**
 * A request whose shape is fine but whose content is not (an unknown org unit code, a date in the future...).
 * Answered with 400 and the list of field problems.
 */
public class BadRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public BadRequestException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Bad request" : problems.get(0).field() + ": " + problems.get(0).problem());
        this.problems = List.copyOf(problems);
    }

    public BadRequestException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
