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
 */
public record GeneratedCase(String caseId, String communeCode, CaseCategory category, ReportChannel channel, Sex sex,
                            int ageYears, String ethnicity, AbuseSetting setting, List<AbuseForm> abuseForms,
                            List<SpecialCircumstanceGroup> specialCircumstanceGroups, Instant reportedAt,
                            List<StepRecord> steps, boolean emergency, Boolean helpedInTime) {

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

    public boolean closed() {
        return expectedStatus() == CaseStatus.CLOSED;
    }
}
