package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferWithdrawn;

/**
 * The steps of the procedure in order of time (Decree 56/2017/NĐ-CP Chapter III, Art 25–32): a step may not be
 * dated before the step it follows. One line per step: the step (its event), what it follows, and when that
 * happened ({@link StepTimes}). A step whose predecessor has not happened is refused by the rules of order of
 * {@link CaseFile}, not here.
 */
final class StepOrder {

    static final List<Line<?>> LINES = List.of(
            // Art 26.2: the initial assessment follows the report (Art 25.1) or the reopening.
            line(InitialAssessmentRecorded.class, "initial assessment (đánh giá nguy cơ ban đầu)",
                    "the report (thông báo) or reopening", (e, t) -> t.cycleStartedAt()),
            // Art 26.3: emergency measures follow the initial assessment that called for them.
            line(EmergencyMeasuresTaken.class, "emergency measures (can thiệp khẩn cấp)", "the initial assessment",
                    (e, t) -> t.initialAssessedAt()),
            // Art 27.1: the detailed assessment follows the initial assessment.
            line(DetailedAssessmentRecorded.class, "detailed assessment (đánh giá nguy cơ cụ thể)",
                    "the initial assessment", (e, t) -> t.initialAssessedAt()),
            // Art 28.1: the support plan is drafted from the detailed assessment.
            line(SupportPlanDrafted.class, "support plan (kế hoạch hỗ trợ, can thiệp)", "the detailed assessment",
                    (e, t) -> t.detailedAssessedAt()),
            // Art 28.4: the chair approves the drafted plan.
            line(SupportPlanApproved.class, "approval (phê duyệt)", "the drafted plan", (e, t) -> t.draftedAt()),
            // Art 29: an intervention changes state under the approved plan, after its previous change.
            line(InterventionStatusChanged.class, "intervention status change",
                    "the plan's approval and the intervention's previous change",
                    (e, t) -> later(t.approvedAt(), t.interventionChangedAt(e.interventionId()))),
            line(InterventionReassigned.class, "reassignment of an intervention", "the plan's approval",
                    (e, t) -> t.approvedAt()),
            // Art 30: the approved plan is reviewed.
            line(CaseReviewed.class, "review (rà soát, đánh giá)", "the plan's approval", (e, t) -> t.approvedAt()),
            // Art 30.1: the case is closed (kết thúc) after every step taken on it.
            line(CaseClosed.class, "closure (kết thúc)", "the latest step of the case", (e, t) -> t.latestStepAt()),
            line(CaseReopened.class, "reopening", "the closure", (e, t) -> t.closedAt()),
            // A transfer is accepted or declined after it was requested.
            line(CaseTransferred.class, "transfer acceptance", "the transfer request",
                    (e, t) -> t.transferRequestedAt()),
            line(TransferDeclined.class, "transfer decline", "the transfer request",
                    (e, t) -> t.transferRequestedAt()),
            line(TransferWithdrawn.class, "transfer withdrawal", "the transfer request",
                    (e, t) -> t.transferRequestedAt()));

    private StepOrder() {
    }

    /**
     * One line: {@code step}, named {@code stepName}, may not be dated before {@code follows} (named
     * {@code followsName}; null when there is none yet).
     */
    record Line<E extends CaseEvent>(Class<E> step, String stepName, String followsName,
                                     BiFunction<E, StepTimes, Instant> follows) {
    }

    /**
     * Refuses {@code step} if it is dated before the step it follows.
     *
     * @param step  the step's event, not yet applied
     * @param times when the case's earlier steps happened
     * @throws ProcedureViolation {@link ProcedureRule#STEP_BEFORE_PREVIOUS}, naming both instants (UTC)
     */
    static void require(CaseEvent step, StepTimes times) {
        for (Line<?> line : LINES) {
            if (line.step().isInstance(step)) {
                check(line, step, times);
            }
        }
    }

    private static <E extends CaseEvent> void check(Line<E> line, CaseEvent step, StepTimes times) {
        Instant previous = line.follows().apply(line.step().cast(step), times);
        if (previous != null && step.occurredAt().isBefore(previous)) {
            throw new ProcedureViolation(ProcedureRule.STEP_BEFORE_PREVIOUS, "The " + line.stepName() + " dated "
                    + step.occurredAt() + " is before " + line.followsName() + " dated " + previous
                    + "; a step may not be dated before the step it follows.");
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static <E extends CaseEvent> Line<E> line(Class<E> step, String stepName, String followsName,
                                                      BiFunction<E, StepTimes, Instant> follows) {
        return new Line<>(step, stepName, followsName, follows);
    }
}
