package vn.childprotection.casetracker.command.targets;

import java.util.ArrayList;
import java.util.List;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * What a commune's figures must satisfy: counts are never negative; no more children hold a health-insurance card
 * (BHYT) than live in the commune; no more children received the policy of Decision 55a/2013/QĐ-TTg than were
 * eligible. A comparison with an item not reported (null) is not made.
 */
final class TargetFigureRules {

    private TargetFigureRules() {
    }

    /**
     * @return the problems of these figures, each naming its field; empty when they are fine
     */
    static List<FieldProblem> problems(RecordCommuneTargets figures) {
        List<FieldProblem> problems = new ArrayList<>();
        notNegative(problems, "childrenUnder6", figures.childrenUnder6());
        notNegative(problems, "childrenUnder6WithHealthInsuranceCard", figures.childrenUnder6WithHealthInsuranceCard());
        notNegative(problems, "congenitalHeartDiseaseEligible", figures.congenitalHeartDiseaseEligible());
        notNegative(problems, "congenitalHeartDiseaseReceived", figures.congenitalHeartDiseaseReceived());
        if (exceeds(figures.childrenUnder6WithHealthInsuranceCard(), figures.childrenUnder6())) {
            problems.add(new FieldProblem("childrenUnder6WithHealthInsuranceCard",
                    "must not be more than childrenUnder6"));
        }
        if (exceeds(figures.congenitalHeartDiseaseReceived(), figures.congenitalHeartDiseaseEligible())) {
            problems.add(new FieldProblem("congenitalHeartDiseaseReceived",
                    "must not be more than congenitalHeartDiseaseEligible"));
        }
        return problems;
    }

    private static void notNegative(List<FieldProblem> problems, String field, Integer value) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(field, "must be 0 or more"));
        }
    }

    private static boolean exceeds(Integer part, Integer whole) {
        return part != null && whole != null && part > whole;
    }
}
