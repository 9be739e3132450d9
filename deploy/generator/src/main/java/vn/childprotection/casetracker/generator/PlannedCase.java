package vn.childprotection.casetracker.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * A synthetic case as planned, before anything is sent: who the child is (synthetic), what was reported, and the
 * steps of the procedure with their domain times, already cut at the planning instant.
 *
 * @param index          0-based position in the run; the synthetic name and the idempotency key derive from it
 * @param birthDate      sent instead of the age for some children, chosen so that the service derives
 *                       {@code ageYears}; null when only the age is sent
 * @param emergency      whether the initial assessment calls for emergency measures
 * @param helpedInTime   the intended outcome for an abused child: true helped in time, false helped late, null not
 *                       helped (yet) or not an abused child
 * @param helpDecidedBy  the step whose time decides {@code helpedInTime} (emergency measures or plan approval);
 *                       null when {@code helpedInTime} is null
 * @param successor      for a case reported in an old commune (before 1/7/2025), the new commune that runs it from
 *                       1/7/2025 if it is still open then: the single successor of a commune merged whole, or the one
 *                       the coordinator will choose for a split commune; null for a case of a new commune
 */
public record PlannedCase(int index, String communeCode, CaseCategory category, ReportChannel channel, Sex sex,
                          int ageYears, LocalDate birthDate, String ethnicity, AbuseSetting setting,
                          List<AbuseForm> abuseForms, List<SpecialCircumstanceGroup> specialCircumstanceGroups,
                          boolean emergency, Boolean helpedInTime, Step helpDecidedBy, List<PlannedStep> steps,
                          String successor) {

    public PlannedCase {
        abuseForms = List.copyOf(abuseForms);
        specialCircumstanceGroups = List.copyOf(specialCircumstanceGroups);
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(0).step() != Step.REPORTED) {
            throw new IllegalArgumentException("a case starts with its report");
        }
    }

    public Instant reportedAt() {
        return steps.get(0).occurredAt();
    }

    /**
     * What the record says of this case once {@code done} (a prefix of the planned steps) was accepted: a run that
     * stopped early must not claim an outcome whose deciding step was never sent.
     */
    public GeneratedCase toRecord(String caseId, List<StepRecord> done) {
        boolean decided = helpDecidedBy != null && done.stream().anyMatch(s -> s.step() == helpDecidedBy);
        return new GeneratedCase(caseId, communeCode, category, channel, sex, ageYears, ethnicity, setting,
                abuseForms, specialCircumstanceGroups, reportedAt(), done, emergency, decided ? helpedInTime : null,
                successorOnceAccepted(done));
    }

    /**
     * The new commune running the case from 1/7/2025 once {@code done} was accepted: none if the case was closed
     * before; for a commune merged whole, its successor (the service moves the case by itself, at its first step
     * dated from then on or by its recurring task); for a split commune, the one chosen, once the choice was accepted.
     */
    private String successorOnceAccepted(List<StepRecord> done) {
        if (successor == null || done.stream().anyMatch(s -> s.step() == Step.CLOSED
                && s.occurredAt().isBefore(Reform2025.BOUNDARY))) {
            return null;
        }
        return Reform2025.mergedWhole(communeCode)
                || done.stream().anyMatch(s -> s.step() == Step.SUCCESSOR_COMMUNE_CHOSEN) ? successor : null;
    }
}
