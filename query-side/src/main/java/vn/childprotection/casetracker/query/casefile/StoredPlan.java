package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;

/**
 * The support plan (<i>kế hoạch hỗ trợ, can thiệp</i>, Mẫu 04, 05) as the stored case file holds it: the current
 * version, the approved one, and the interventions of the current version with what their agencies reported.
 * Immutable: each change answers a new plan.
 *
 * @param currentVersion  the latest drafted version
 * @param approvedVersion the approved version, or null while none is (also after a reopening)
 * @param interventions   the interventions of the current version, in the order of the draft
 */
@JsonPropertyOrder({"currentVersion", "approvedVersion", "draftedAt", "approvedAt", "goals", "interventions"})
record StoredPlan(int currentVersion, Integer approvedVersion, Instant draftedAt, Instant approvedAt,
                  EncryptedText goals, List<Intervention> interventions) {

    StoredPlan {
        interventions = interventions == null ? List.of() : interventions;
    }

    /**
     * One intervention and the last status its agency reported (null in an unapproved draft that did not carry it
     * over, and after a reopening).
     */
    @JsonPropertyOrder({"interventionId", "measure", "agencyCode", "dueDate", "description", "status",
            "statusChangedAt", "note"})
    record Intervention(String interventionId, InterventionMeasure measure, String agencyCode, LocalDate dueDate,
                        EncryptedText description, InterventionStatus status, Instant statusChangedAt,
                        EncryptedText note) {

        Intervention withStatus(InterventionStatus newStatus, Instant changedAt) {
            return new Intervention(interventionId, measure, agencyCode, dueDate, description, newStatus, changedAt,
                    note);
        }
    }

    /**
     * A new plan version replaces the interventions shown. Until it is approved, an intervention carried over from
     * {@code previous} (same id) shows the status its agency last reported, and a new one has none.
     *
     * @param previous the plan before this draft, or null
     */
    static StoredPlan drafted(StoredPlan previous, SupportPlanDrafted e) {
        Map<String, Intervention> carried = new HashMap<>();
        if (previous != null) {
            previous.interventions().forEach(i -> carried.put(i.interventionId(), i));
        }
        List<Intervention> interventions = new ArrayList<>();
        for (PlannedIntervention planned : e.interventions() == null ? List.<PlannedIntervention>of()
                : e.interventions()) {
            Intervention before = carried.get(planned.interventionId());
            interventions.add(new Intervention(planned.interventionId(), planned.measure(), planned.agencyCode(),
                    planned.dueDate(), planned.description(), before == null ? null : before.status(),
                    before == null ? null : before.statusChangedAt(), before == null ? null : before.note()));
        }
        return new StoredPlan(e.planVersion(), previous == null ? null : previous.approvedVersion(), e.occurredAt(),
                previous == null ? null : previous.approvedAt(), e.goals(), List.copyOf(interventions));
    }

    /**
     * The commune chair's approval assigns every intervention of that version to its agency, afresh: as in the
     * aggregate, a carried-over intervention starts again at {@code ASSIGNED}.
     */
    StoredPlan approved(SupportPlanApproved e) {
        List<Intervention> assigned = currentVersion == e.planVersion()
                ? interventions.stream().map(i -> i.withStatus(InterventionStatus.ASSIGNED, e.occurredAt())).toList()
                : interventions;
        return new StoredPlan(currentVersion, e.planVersion(), draftedAt, e.occurredAt(), goals, assigned);
    }

    /** Whether the current version has the intervention. */
    boolean has(String interventionId) {
        return interventions.stream().anyMatch(i -> interventionId.equals(i.interventionId()));
    }

    /** The agency reported a new status, with its note (which replaces the previous one, even by none). */
    StoredPlan statusChanged(InterventionStatusChanged e) {
        return changed(e.interventionId(), i -> new Intervention(i.interventionId(), i.measure(), i.agencyCode(),
                i.dueDate(), i.description(), e.newStatus(), e.occurredAt(), e.note()));
    }

    /**
     * The coordinator gave the intervention to another agency: it is that agency's now, ASSIGNED again, with the
     * new due date. The note stays: it is the last one reported on this intervention (often why it was declined).
     */
    StoredPlan reassigned(InterventionReassigned e) {
        return changed(e.interventionId(), i -> new Intervention(i.interventionId(), i.measure(), e.toAgencyCode(),
                e.dueDate(), i.description(), InterventionStatus.ASSIGNED, e.occurredAt(), i.note()));
    }

    /**
     * After a reopening the procedure starts again: no version is approved and no intervention is assigned (the
     * agencies' last notes stay).
     */
    StoredPlan reopened() {
        return new StoredPlan(currentVersion, null, draftedAt, null, goals,
                interventions.stream().map(i -> i.withStatus(null, null)).toList());
    }

    StoredPlan withoutSealedValues() {
        return new StoredPlan(currentVersion, approvedVersion, draftedAt, approvedAt, null,
                interventions.stream().map(i -> new Intervention(i.interventionId(), i.measure(), i.agencyCode(),
                        i.dueDate(), null, i.status(), i.statusChangedAt(), null)).toList());
    }

    private StoredPlan changed(String interventionId, UnaryOperator<Intervention> change) {
        return new StoredPlan(currentVersion, approvedVersion, draftedAt, approvedAt, goals, interventions.stream()
                .map(i -> interventionId.equals(i.interventionId()) ? change.apply(i) : i).toList());
    }
}
