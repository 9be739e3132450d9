package vn.childprotection.casetracker.query.audittrail;

import java.util.function.Function;
import java.util.stream.Collectors;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.query.deadlines.TimeLimitReading;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * What the audit trail (<i>nhật ký liên ngành</i>) says about an event besides who did it and when: the agency it
 * concerns, the intervention, the deadline rule and a short summary. Built only from the event's plain fields (codes,
 * statuses, dates), never from its sealed ones, so nothing personal can reach it.
 *
 * @param agencyCode     the intervention's agency, for intervention events and for INTERVENTION_DUE deadline events;
 *                       the new agency for a reassignment; otherwise null
 * @param interventionId the intervention concerned, or null
 * @param deadlineRule   the rule of a deadline event, or null
 * @param summary        e.g. {@code ACCEPTED → DECLINED}, {@code due 2025-03-20T17:00:00Z},
 *                       {@code fulfilled in time (recorded late)}; null for an event type
 *                       this version does not know
 */
public record AuditFacts(String agencyCode, String interventionId, DeadlineRule deadlineRule, String summary) {

    /**
     * @param interventionDeadlineAgency who must meet an INTERVENTION_DUE deadline, by deadline id (fulfilled and
     *                                   withdrawn events do not say it themselves)
     */
    public static AuditFacts of(CaseEvent event, Function<String, String> interventionDeadlineAgency) {
        if (event instanceof CaseReported e) {
            return summary("reported in " + e.communeCode() + ": " + e.category() + " via " + e.channel());
        }
        if (event instanceof InitialAssessmentRecorded e) {
            return summary("risk " + e.riskLevel() + (e.emergency() ? ", emergency" : ""));
        }
        if (event instanceof EmergencyMeasuresTaken e) {
            String measures = e.measures() == null ? "" : e.measures().stream().map(Enum::name)
                    .collect(Collectors.joining(", "));
            return summary(e.temporaryRemoval() == null ? measures : measures + "; removal "
                    + e.temporaryRemoval().startDate() + " to " + e.temporaryRemoval().endDate());
        }
        if (event instanceof DetailedAssessmentRecorded e) {
            return summary("risk " + e.riskLevel());
        }
        if (event instanceof SupportPlanDrafted e) {
            int count = e.interventions() == null ? 0 : e.interventions().size();
            return summary("plan v" + e.planVersion() + ", " + count + (count == 1 ? " intervention"
                    : " interventions"));
        }
        if (event instanceof SupportPlanApproved e) {
            return summary("plan v" + e.planVersion() + " approved");
        }
        if (event instanceof InterventionStatusChanged e) {
            return new AuditFacts(e.agencyCode(), e.interventionId(), null,
                    e.previousStatus() + " → " + e.newStatus());
        }
        if (event instanceof InterventionReassigned e) {
            return new AuditFacts(e.toAgencyCode(), e.interventionId(), null,
                    e.fromAgencyCode() + " → " + e.toAgencyCode() + ", due " + e.dueDate());
        }
        if (event instanceof CaseReviewed e) {
            return summary("risk " + e.riskLevel() + ", " + e.outcome());
        }
        if (event instanceof CaseClosed e) {
            return summary("closed: " + e.reasonCode()
                    + (e.duplicateOfCaseId() == null ? "" : ", duplicate of case " + e.duplicateOfCaseId()));
        }
        if (event instanceof CaseReopened) {
            return summary("reopened");
        }
        if (event instanceof TransferRequested e) {
            return summary(e.fromCommuneCode() + " → " + e.toCommuneCode() + " requested");
        }
        if (event instanceof TransferDeclined e) {
            return summary(e.fromCommuneCode() + " → " + e.toCommuneCode() + " declined");
        }
        if (event instanceof TransferWithdrawn e) {
            return summary(e.fromCommuneCode() + " → " + e.toCommuneCode() + " withdrawn: " + e.reason().name()
                    + " (" + e.reason().labelVi() + ")");
        }
        if (event instanceof CaseTransferred e) {
            return summary(e.fromCommuneCode() + " → " + e.toCommuneCode() + " accepted");
        }
        if (event instanceof CaseCarriedOver e) {
            return summary(CarryOverLabel.of(e));
        }
        if (event instanceof DisclosureConsentRecorded e) {
            return summary("consent to disclosure, " + e.party() + ": " + e.status());
        }
        if (event instanceof ChildIdentityErased e) {
            return summary("identity erased: " + e.legalBasis() + ", authorised by " + e.authorisationReference());
        }
        if (event instanceof DeadlineScheduled e) {
            return deadline(e.rule(), e.interventionId(), e.responsibleOrgUnit(), "due " + e.dueAt());
        }
        if (event instanceof DeadlineMissed e) {
            return deadline(e.rule(), e.interventionId(), e.responsibleOrgUnit(), "missed, due " + e.dueAt());
        }
        if (event instanceof DeadlineFulfilled e) {
            return deadline(e.rule(), e.interventionId(), agency(e.rule(), e.deadlineId(), interventionDeadlineAgency),
                    TimeLimitReading.describe(e));
        }
        if (event instanceof DeadlineMissCorrected e) {
            return deadline(e.rule(), e.interventionId(), agency(e.rule(), e.deadlineId(), interventionDeadlineAgency),
                    TimeLimitReading.describe(e));
        }
        if (event instanceof DeadlineWithdrawn e) {
            return deadline(e.rule(), e.interventionId(), agency(e.rule(), e.deadlineId(), interventionDeadlineAgency),
                    "withdrawn: " + e.reason());
        }
        return new AuditFacts(null, null, null, null);
    }

    /**
     * The most a summary holds ({@code audit_entry.summary}); codes from configuration (a legal basis, a decision
     * reference) are cut there rather than stop the projection.
     */
    static final int MAX_SUMMARY = 1000;

    private static AuditFacts summary(String summary) {
        return new AuditFacts(null, null, null,
                summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
    }

    private static AuditFacts deadline(DeadlineRule rule, String interventionId, String responsible, String summary) {
        String agency = rule == DeadlineRule.INTERVENTION_DUE ? responsible : null;
        return new AuditFacts(agency, interventionId, rule, summary);
    }

    private static String agency(DeadlineRule rule, String deadlineId, Function<String, String> lookup) {
        return rule == DeadlineRule.INTERVENTION_DUE ? lookup.apply(deadlineId) : null;
    }
}
