package vn.childprotection.casetracker.platform.orgunits;

import java.util.List;
import java.util.stream.Collectors;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * A list of org units that breaks the rules of {@link OrgStructureValidator}: the shipped file (the service does not
 * start) or a list an administrator loads (answered 400 with these problems, nothing recorded).
 */
public class InvalidOrgStructure extends IllegalArgumentException {

    private final transient List<FieldProblem> problems;

    /**
     * @param problems what is wrong, at least one; each names the entry and the unit
     */
    public InvalidOrgStructure(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, in list order. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
