package vn.childprotection.casetracker.generator;

import java.time.Instant;
import java.util.List;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * One line of the record: a case the service created, the statistical fields it was reported with (nothing
 * personal: the synthetic name and address are not kept), and every step it accepted.
 *
 * @param reportedAt   the {@code occurredAt} of the report
 * @param helpedInTime for an abused child, the outcome the generator chose with wide margins, independent of the
 *                     working-day calendar: {@code true} when emergency measures came within 3 h of the report, or
 *                     (no emergency) the plan was drafted within a day of the detailed assessment and approved within
 *                     an hour of the draft; {@code false} when emergency measures came 30 h or more after the report,
 *                     or the plan was drafted 20 calendar days or more after the detailed assessment and then
 *                     approved; {@code null} when not helped (yet) or not an abused child
 * @param communeCode  the commune the case was reported in
 * @param successorCommune for a case of an old commune still open on 1/7/2025, the new commune that runs it from
 *                     then on: the single successor of a commune merged whole (the service carries the case over by
 *                     itself), or the one the coordinator chose for a split commune; null otherwise (a split
 *                     commune's case without a choice waits in the coordinator's list)
 */
public record GeneratedCase(String caseId, String communeCode, CaseCategory category, ReportChannel channel, Sex sex,
                            int ageYears, String ethnicity, AbuseSetting setting, List<AbuseForm> abuseForms,
                            List<SpecialCircumstanceGroup> specialCircumstanceGroups, Instant reportedAt,
                            List<StepRecord> steps, boolean emergency, Boolean helpedInTime,
                            String successorCommune) {

    public GeneratedCase {
        abuseForms = abuseForms == null ? List.of() : List.copyOf(abuseForms);
        specialCircumstanceGroups = specialCircumstanceGroups == null ? List.of()
                : List.copyOf(specialCircumstanceGroups);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * @return the status the service must show for this case once its projections caught up
     */
    public CaseStatus expectedStatus() {
        CaseStatus status = null;
        for (StepRecord step : steps) {
            status = step.step().statusAfter(status);
        }
        return status;
    }

    /**
     * @return the commune a fact of this case at {@code at} belongs to: the one it was reported in before 1/7/2025
     * (00:00 Vietnam time), its successor from then on when it has one
     */
    public String communeOn(Instant at) {
        return successorCommune != null && !at.isBefore(Reform2025.BOUNDARY) ? successorCommune : communeCode;
    }

    /**
     * @return whether a step dated from 1/7/2025 on was sent for a case of an old commune, so that the service has
     * surely moved it to its successor (without one, a case of a commune merged whole moves when the service's
     * recurring task runs)
     */
    public boolean carriedOverByAStep() {
        return successorCommune != null && steps.stream().anyMatch(s -> !s.occurredAt().isBefore(Reform2025.BOUNDARY));
    }

    public boolean closed() {
        return expectedStatus() == CaseStatus.CLOSED;
    }
}
