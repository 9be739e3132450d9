package vn.childprotection.casetracker.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * One case (<i>vụ việc</i>) from the first report to its closing, following Decree 56/2017/NĐ-CP Chapter III.
 * <p>
 * Command handlers check the rules of order and apply events; event sourcing handlers only assign state. Personal
 * data arrives as {@link PersonalText} and leaves sealed with the child's key. Each handler answers the case's new
 * version: the number of its events.
 */
@Aggregate
public class CaseFile {

    private static final Map<InterventionStatus, Set<InterventionStatus>> ALLOWED_TRANSITIONS = Map.of(
            InterventionStatus.ASSIGNED, Set.of(InterventionStatus.ACCEPTED, InterventionStatus.DECLINED),
            InterventionStatus.ACCEPTED, Set.of(InterventionStatus.IN_PROGRESS, InterventionStatus.COMPLETED),
            InterventionStatus.IN_PROGRESS, Set.of(InterventionStatus.COMPLETED),
            InterventionStatus.DECLINED, Set.of(),
            InterventionStatus.COMPLETED, Set.of());

    @AggregateIdentifier
    private String caseId;
    private String childId;
    private String communeCode;
    private CaseStatus status;
    private boolean initiallyAssessed;
    private boolean closureProposed;
    private int latestPlanVersion;
    private Map<String, String> draftedAgencies = Map.of();
    private Integer approvedPlanVersion;
    private final Map<String, Assignment> interventions = new HashMap<>();

    protected CaseFile() {
        // for event sourcing
    }

    @CommandHandler
    public CaseFile(ReportCase command, PersonalDataProtector protector) {
        String child = command.childId();
        apply(new CaseReported(command.caseId(), child, command.occurredAt(), command.communeCode(),
                command.receivingOrgUnit(), command.category(), command.channel(), Set.copyOf(command.abuseForms()),
                command.setting(), Set.copyOf(command.specialCircumstanceGroups()), command.sex(),
                command.ageYears(), command.ageEstimated(), command.ethnicity(),
                protector.seal(child, command.childName()), protector.seal(child, command.birthDate()),
                protector.seal(child, command.address()), command.reporterConsentToRecordIdentity(),
                command.reporterConsentToRecordIdentity() ? protector.seal(child, command.reporterIdentity()) : null,
                protector.seal(child, command.narrative())));
    }

    @CommandHandler
    public long handle(RecordInitialAssessment command, PersonalDataProtector protector) {
        requireOpen();
        if (status != CaseStatus.REPORTED && status != CaseStatus.REOPENED) {
            throw new ProcedureViolation(ProcedureRule.INITIAL_ASSESSMENT_ONCE);
        }
        apply(new InitialAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(), command.emergency(),
                protector.seal(childId, command.notes())));
        return newVersion();
    }

    @CommandHandler
    public long handle(TakeEmergencyMeasures command, PersonalDataProtector protector, ProcedureSettings settings) {
        requireOpen();
        if (!initiallyAssessed) {
            throw new ProcedureViolation(ProcedureRule.INITIAL_ASSESSMENT_REQUIRED);
        }
        TemporaryRemoval removal = command.temporaryRemoval();
        if (removal != null) {
            long days = ChronoUnit.DAYS.between(removal.startDate(), removal.endDate());
            if (days < 0) {
                throw new ProcedureViolation(ProcedureRule.REMOVAL_ENDS_BEFORE_START);
            }
            if (days > settings.maxRemovalDays()) {
                throw new ProcedureViolation(ProcedureRule.REMOVAL_TOO_LONG, "A temporary removal (tạm thời cách "
                        + "ly) lasts at most " + settings.maxRemovalDays() + " days (Art 32); this one lasts "
                        + days + ".");
            }
        }
        apply(new EmergencyMeasuresTaken(caseId, command.occurredAt(), List.copyOf(command.measures()), removal,
                protector.seal(childId, command.notes())));
        return newVersion();
    }

    @CommandHandler
    public long handle(RecordDetailedAssessment command, PersonalDataProtector protector) {
        requireOpen();
        if (status != CaseStatus.INITIALLY_ASSESSED && status != CaseStatus.DETAILED_ASSESSED) {
            throw new ProcedureViolation(initiallyAssessed ? ProcedureRule.DETAILED_ASSESSMENT_ORDER
                    : ProcedureRule.INITIAL_ASSESSMENT_REQUIRED);
        }
        apply(new DetailedAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(),
                protector.seal(childId, command.findings())));
        return newVersion();
    }

    @CommandHandler
    public long handle(DraftSupportPlan command, PersonalDataProtector protector) {
        requireOpen();
        if (status == CaseStatus.PLAN_APPROVED) {
            throw new ProcedureViolation(ProcedureRule.REPLAN_NEEDS_REVIEW);
        }
        if (status != CaseStatus.DETAILED_ASSESSED && status != CaseStatus.PLAN_DRAFTED) {
            throw new ProcedureViolation(ProcedureRule.PLAN_NEEDS_DETAILED_ASSESSMENT);
        }
        List<PlannedIntervention> planned = command.interventions().stream()
                .map(i -> new PlannedIntervention(i.interventionId(), i.measure(), i.agencyCode(), i.dueDate(),
                        protector.seal(childId, i.description())))
                .toList();
        apply(new SupportPlanDrafted(caseId, command.occurredAt(), latestPlanVersion + 1, planned,
                protector.seal(childId, command.goals())));
        return newVersion();
    }

    @CommandHandler
    public long handle(ApproveSupportPlan command) {
        requireOpen();
        if (status != CaseStatus.PLAN_DRAFTED) {
            throw new ProcedureViolation(ProcedureRule.APPROVAL_NEEDS_DRAFT);
        }
        if (command.planVersion() != latestPlanVersion) {
            throw new ProcedureViolation(ProcedureRule.PLAN_VERSION_MISMATCH, "Version " + command.planVersion()
                    + " cannot be approved; the latest drafted version is " + latestPlanVersion + ".");
        }
        apply(new SupportPlanApproved(caseId, command.occurredAt(), latestPlanVersion));
        return newVersion();
    }

    @CommandHandler
    public long handle(ChangeInterventionStatus command, PersonalDataProtector protector) {
        requireOpen();
        if (approvedPlanVersion == null) {
            throw new ProcedureViolation(ProcedureRule.INTERVENTIONS_NEED_APPROVED_PLAN);
        }
        Assignment assignment = interventions.get(command.interventionId());
        if (assignment == null) {
            throw new UnknownInterventionException(command.interventionId());
        }
        if (!assignment.agencyCode().equals(command.actingOrgUnit())) {
            throw new ProcedureViolation(ProcedureRule.NOT_ASSIGNED_AGENCY, "Intervention "
                    + command.interventionId() + " is assigned to " + assignment.agencyCode() + ", not to "
                    + command.actingOrgUnit() + ".");
        }
        if (!ALLOWED_TRANSITIONS.get(assignment.status()).contains(command.newStatus())) {
            throw new ProcedureViolation(ProcedureRule.INTERVENTION_TRANSITION, "An intervention that is "
                    + assignment.status() + " cannot become " + command.newStatus() + "; allowed: "
                    + ALLOWED_TRANSITIONS.get(assignment.status()) + ".");
        }
        apply(new InterventionStatusChanged(caseId, command.occurredAt(), command.interventionId(),
                assignment.agencyCode(), assignment.status(), command.newStatus(),
                protector.seal(childId, command.note())));
        return newVersion();
    }

    @CommandHandler
    public long handle(ReviewCase command, PersonalDataProtector protector) {
        requireOpen();
        if (status != CaseStatus.PLAN_APPROVED) {
            throw new ProcedureViolation(ProcedureRule.REVIEW_NEEDS_APPROVED_PLAN);
        }
        apply(new CaseReviewed(caseId, command.occurredAt(), command.riskLevel(), command.outcome(),
                protector.seal(childId, command.notes())));
        return newVersion();
    }

    @CommandHandler
    public long handle(CloseCase command, PersonalDataProtector protector, ProcedureSettings settings) {
        requireOpen();
        if (command.reasonCode().equals(settings.noFurtherRiskReason()) && !closureProposed) {
            throw new ProcedureViolation(ProcedureRule.CLOSURE_NEEDS_PROPOSAL);
        }
        apply(new CaseClosed(caseId, command.occurredAt(), command.reasonCode(),
                protector.seal(childId, command.notes())));
        return newVersion();
    }

    @CommandHandler
    public long handle(ReopenCase command, PersonalDataProtector protector) {
        if (status != CaseStatus.CLOSED) {
            throw new ProcedureViolation(ProcedureRule.REOPEN_ONLY_CLOSED);
        }
        apply(new CaseReopened(caseId, command.occurredAt(), protector.seal(childId, command.reason())));
        return newVersion();
    }

    @CommandHandler
    public long handle(TransferCase command, PersonalDataProtector protector) {
        requireOpen();
        if (command.toCommuneCode().equals(communeCode)) {
            throw new ProcedureViolation(ProcedureRule.TRANSFER_SAME_COMMUNE);
        }
        apply(new CaseTransferred(caseId, command.occurredAt(), communeCode, command.toCommuneCode(),
                protector.seal(childId, command.reason())));
        return newVersion();
    }

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new ProcedureViolation(ProcedureRule.CASE_CLOSED);
        }
    }

    /**
     * The number of events of this case, counting those just applied (Axon's version is the last sequence
     * number, which starts at 0).
     */
    private static long newVersion() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(CaseReported event) {
        caseId = event.caseId();
        childId = event.childId();
        communeCode = event.communeCode();
        status = CaseStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(InitialAssessmentRecorded event) {
        initiallyAssessed = true;
        status = CaseStatus.INITIALLY_ASSESSED;
    }

    @EventSourcingHandler
    void on(DetailedAssessmentRecorded event) {
        status = CaseStatus.DETAILED_ASSESSED;
    }

    @EventSourcingHandler
    void on(SupportPlanDrafted event) {
        latestPlanVersion = event.planVersion();
        Map<String, String> agencies = new HashMap<>();
        event.interventions().forEach(i -> agencies.put(i.interventionId(), i.agencyCode()));
        draftedAgencies = agencies;
        status = CaseStatus.PLAN_DRAFTED;
    }

    @EventSourcingHandler
    void on(SupportPlanApproved event) {
        approvedPlanVersion = event.planVersion();
        interventions.clear();
        draftedAgencies.forEach((id, agency) -> interventions.put(id,
                new Assignment(agency, InterventionStatus.ASSIGNED)));
        status = CaseStatus.PLAN_APPROVED;
    }

    @EventSourcingHandler
    void on(InterventionStatusChanged event) {
        interventions.put(event.interventionId(), new Assignment(event.agencyCode(), event.newStatus()));
    }

    @EventSourcingHandler
    void on(CaseReviewed event) {
        closureProposed = event.outcome() == ReviewOutcome.PROPOSE_CLOSURE;
        if (event.outcome() == ReviewOutcome.REPLAN) {
            status = CaseStatus.DETAILED_ASSESSED;
        }
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.REOPENED;
        initiallyAssessed = false;
        closureProposed = false;
        approvedPlanVersion = null;
        interventions.clear();
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        communeCode = event.toCommuneCode();
    }

    private record Assignment(String agencyCode, InterventionStatus status) {
    }
}
