package vn.childprotection.casetracker.command.targets;

import java.util.ArrayList;
import java.util.List;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * What a commune's figures must satisfy: counts are never negative; each pair that makes a share of the plan's
 * targets is entered whole (both or neither): children under 6 and those holding a health-insurance card (BHYT);
 * children with congenital heart disease eligible for the policy of Decision 55a/2013/QĐ-TTg and those who received
 * it; and the part is never more than the whole. A half pair would make a district share add a numerator from one
 * commune to a denominator from another.
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
        pair(problems, "childrenUnder6WithHealthInsuranceCard", figures.childrenUnder6WithHealthInsuranceCard(),
                "childrenUnder6", figures.childrenUnder6());
        pair(problems, "congenitalHeartDiseaseReceived", figures.congenitalHeartDiseaseReceived(),
                "congenitalHeartDiseaseEligible", figures.congenitalHeartDiseaseEligible());
        return problems;
    }

    /** A part and its whole: both reported or neither, and the part no more than the whole. */
    private static void pair(List<FieldProblem> problems, String partField, Integer part, String wholeField,
                             Integer whole) {
        if (part != null && whole == null) {
            problems.add(new FieldProblem(wholeField, "must be reported with " + partField
                    + " (both or neither)"));
        } else if (part == null && whole != null) {
            problems.add(new FieldProblem(partField, "must be reported with " + wholeField
                    + " (both or neither)"));
        } else if (part != null && part > whole) {
            problems.add(new FieldProblem(partField, "must not be more than " + wholeField));
        }
    }

    private static void notNegative(List<FieldProblem> problems, String field, Integer value) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(field, "must be 0 or more"));
        }
    }
}
