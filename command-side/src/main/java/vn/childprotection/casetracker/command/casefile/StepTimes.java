package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferRequested;

/**
 * When the steps of one case happened ({@code occurredAt}, UTC), as {@link StepOrder} needs them: assigned only from
 * the case's events, so it is the same live and replayed.
 */
final class StepTimes {

    /** Where days begin and end for the procedure. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private LocalDate reportDay;
    private Instant cycleStartedAt;
    private Instant initialAssessedAt;
    private Instant detailedAssessedAt;
    private Instant draftedAt;
    private Instant approvedAt;
    private Instant closedAt;
    private Instant latestStepAt;
    private Instant transferRequestedAt;
    private final Map<String, Instant> interventionChangedAt = new HashMap<>();

    /**
     * Takes note of a step of the procedure that was recorded.
     */
    void taken(CaseEvent step) {
        Instant at = step.occurredAt();
        if (latestStepAt == null || at.isAfter(latestStepAt)) {
            latestStepAt = at;
        }
        if (step instanceof CaseReported) {
            reportDay = at.atZone(VIETNAM).toLocalDate();
            cycleStartedAt = at;
        } else if (step instanceof CaseReopened) {
            cycleStartedAt = at;
            initialAssessedAt = null;
            detailedAssessedAt = null;
            draftedAt = null;
            approvedAt = null;
            interventionChangedAt.clear();
        } else if (step instanceof InitialAssessmentRecorded) {
            initialAssessedAt = at;
        } else if (step instanceof DetailedAssessmentRecorded) {
            detailedAssessedAt = at;
        } else if (step instanceof SupportPlanDrafted) {
            draftedAt = at;
        } else if (step instanceof SupportPlanApproved) {
            approvedAt = at;
            interventionChangedAt.clear();
        } else if (step instanceof InterventionStatusChanged changed) {
            interventionChangedAt.put(changed.interventionId(), at);
        } else if (step instanceof InterventionReassigned reassigned) {
            interventionChangedAt.put(reassigned.interventionId(), at);
        } else if (step instanceof CaseClosed) {
            closedAt = at;
        } else if (step instanceof TransferRequested) {
            transferRequestedAt = at;
        }
    }

    /** The day of the first report, in Vietnam. */
    LocalDate reportDay() {
        return reportDay;
    }

    /** The report, or the latest reopening. */
    Instant cycleStartedAt() {
        return cycleStartedAt;
    }

    Instant initialAssessedAt() {
        return initialAssessedAt;
    }

    Instant detailedAssessedAt() {
        return detailedAssessedAt;
    }

    /** The latest drafted version of the plan. */
    Instant draftedAt() {
        return draftedAt;
    }

    /** The latest approval of a plan. */
    Instant approvedAt() {
        return approvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    /** The latest of all steps of the case so far. */
    Instant latestStepAt() {
        return latestStepAt;
    }

    /** The latest transfer request. */
    Instant transferRequestedAt() {
        return transferRequestedAt;
    }

    /** The latest status change or reassignment of one intervention under the approved plan, or null. */
    Instant interventionChangedAt(String interventionId) {
        return interventionChangedAt.get(interventionId);
    }
}
