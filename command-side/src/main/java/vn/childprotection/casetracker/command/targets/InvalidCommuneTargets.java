package vn.childprotection.casetracker.command.targets;

import java.util.List;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * Figures that cannot be true together (more children received the policy than were eligible...) or cannot be true
 * at all (a negative count). Answered with 400 naming each field; nothing is recorded.
 */
public class InvalidCommuneTargets extends BadRequestException {

    public InvalidCommuneTargets(List<FieldProblem> problems) {
        super(problems);
    }
}
