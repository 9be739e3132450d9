package vn.childprotection.casetracker.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.command.deadlines.DeadlinePolicy;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.TemporaryRemoval;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * One case (<i>vụ việc</i>) from the first report to its closing, following Decree 56/2017/NĐ-CP Chapter III.
 * <p>
 * Command handlers check the rules of order and apply events; event sourcing handlers only assign state. Personal
 * data arrives as {@link PersonalText} and leaves sealed with the child's key. Each handler answers the case's new
 * version: the number of its events.
 * <p>
 * The procedure's time limits run from the steps that start them: each is scheduled on the persistent
 * {@link DeadlineManager} and recorded as {@link DeadlineScheduled}; the step that meets it cancels the schedule and
 * records {@link DeadlineFulfilled} (late when it had been missed); a schedule that fires first records
 * {@link DeadlineMissed}, written by the service itself.
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
    private Map<String, LocalDate> draftedDueDates = Map.of();
    private Instant cycleStartedAt;
    private String pendingTransferTo;
    private EncryptedText pendingTransferReason;
    private int deadlinesScheduled;
    private int ageYears;
    private boolean identityErased;
    private final Map<String, TrackedDeadline> openDeadlines = new LinkedHashMap<>();

    static final String DEADLINE_NAME = "case-deadline";
    static final String SYSTEM_USER = "system";

    protected CaseFile() {
        // for event sourcing
    }

    @CommandHandler
    public CaseFile(ReportCase command, PersonalDataProtector protector, KnownChildren children) {
        StepPermissions.require(StepPermissions.Step.REPORT, command.communeCode());
        String child = command.childId();
        if (command.knownChild()) {
            switch (children.standing(child, command.communeCode())) {
                case NOT_KNOWN_HERE -> throw new ProcedureViolation(ProcedureRule.CHILD_NOT_KNOWN);
                case ERASED -> throw new ProcedureViolation(ProcedureRule.CHILD_IDENTITY_ERASED);
                case KNOWN -> { }
            }
        }
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
    public long handle(RecordInitialAssessment command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (status != CaseStatus.REPORTED && status != CaseStatus.REOPENED) {
            throw new ProcedureViolation(ProcedureRule.INITIAL_ASSESSMENT_ONCE);
        }
        apply(new InitialAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(), command.emergency(),
                seal(protector, command.notes())));
        if (command.emergency()) {
            schedule(deadlines, command.occurredAt(), DeadlineRule.EMERGENCY_MEASURES,
                    policy.emergencyMeasuresDue(cycleStartedAt), communeCode, null);
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(TakeEmergencyMeasures command, PersonalDataProtector protector, ProcedureSettings settings,
                       DeadlineManager deadlines, DeadlinePolicy policy) {
        StepPermissions.require(command.temporaryRemoval() != null ? StepPermissions.Step.CHAIR_DECISION
                : StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
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
                seal(protector, command.notes())));
        fulfil(deadlines, command.occurredAt(), d -> d.rule() == DeadlineRule.EMERGENCY_MEASURES);
        if (removal != null) {
            withdraw(deadlines, command.occurredAt(), d -> d.rule() == DeadlineRule.TEMPORARY_REMOVAL_END,
                    "REPLACED_BY_NEW_REMOVAL");
            schedule(deadlines, command.occurredAt(), DeadlineRule.TEMPORARY_REMOVAL_END,
                    policy.endOf(removal.endDate()), communeCode, null);
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(RecordDetailedAssessment command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (status != CaseStatus.INITIALLY_ASSESSED && status != CaseStatus.DETAILED_ASSESSED) {
            throw new ProcedureViolation(initiallyAssessed ? ProcedureRule.DETAILED_ASSESSMENT_ORDER
                    : ProcedureRule.INITIAL_ASSESSMENT_REQUIRED);
        }
        apply(new DetailedAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(),
                seal(protector, command.findings())));
        if (!hasOpen(DeadlineRule.PLAN_DRAFTING)) {
            schedule(deadlines, command.occurredAt(), DeadlineRule.PLAN_DRAFTING,
                    policy.planDraftingDue(command.occurredAt()), communeCode, null);
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(DraftSupportPlan command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (status == CaseStatus.PLAN_APPROVED) {
            throw new ProcedureViolation(ProcedureRule.REPLAN_NEEDS_REVIEW);
        }
        if (status != CaseStatus.DETAILED_ASSESSED && status != CaseStatus.PLAN_DRAFTED) {
            throw new ProcedureViolation(ProcedureRule.PLAN_NEEDS_DETAILED_ASSESSMENT);
        }
        List<PlannedIntervention> planned = command.interventions().stream()
                .map(i -> new PlannedIntervention(i.interventionId(), i.measure(), i.agencyCode(), i.dueDate(),
                        seal(protector, i.description())))
                .toList();
        apply(new SupportPlanDrafted(caseId, command.occurredAt(), latestPlanVersion + 1, planned,
                seal(protector, command.goals())));
        fulfil(deadlines, command.occurredAt(), d -> d.rule() == DeadlineRule.PLAN_DRAFTING);
        if (!hasOpen(DeadlineRule.PLAN_APPROVAL)) {
            schedule(deadlines, command.occurredAt(), DeadlineRule.PLAN_APPROVAL,
                    policy.planApprovalDue(command.occurredAt()), communeCode, null);
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(ApproveSupportPlan command, DeadlineManager deadlines, DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.CHAIR_DECISION, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (status != CaseStatus.PLAN_DRAFTED) {
            throw new ProcedureViolation(ProcedureRule.APPROVAL_NEEDS_DRAFT);
        }
        if (command.planVersion() != latestPlanVersion) {
            throw new ProcedureViolation(ProcedureRule.PLAN_VERSION_MISMATCH, "Version " + command.planVersion()
                    + " cannot be approved; the latest drafted version is " + latestPlanVersion + ".");
        }
        Instant at = command.occurredAt();
        withdraw(deadlines, at, d -> d.rule() == DeadlineRule.INTERVENTION_DUE || d.rule() == DeadlineRule.CASE_REVIEW,
                "PLAN_REPLACED");
        apply(new SupportPlanApproved(caseId, at, latestPlanVersion));
        fulfil(deadlines, at, d -> d.rule() == DeadlineRule.PLAN_APPROVAL
                || d.rule() == DeadlineRule.TEMPORARY_REMOVAL_END);
        draftedAgencies.forEach((interventionId, agency) -> schedule(deadlines, at, DeadlineRule.INTERVENTION_DUE,
                policy.endOf(draftedDueDates.get(interventionId)), agency, interventionId));
        schedule(deadlines, at, DeadlineRule.CASE_REVIEW, policy.reviewDue(at), communeCode, null);
        return newVersion();
    }

    @CommandHandler
    public long handle(ChangeInterventionStatus command, PersonalDataProtector protector, DeadlineManager deadlines) {
        StepPermissions.require(StepPermissions.Step.AGENCY_WORK, communeCode, assignedOrgUnits(), null);
        requireVersion(command.expectedVersion());
        requireOpen();
        Assignment assignment = approvedIntervention(command.interventionId());
        if (!assignment.agencyCode().equals(command.actingOrgUnit())) {
            throw new ProcedureViolation(ProcedureRule.NOT_ASSIGNED_AGENCY, "Intervention "
                    + command.interventionId() + " is not assigned to your org unit.");
        }
        if (!ALLOWED_TRANSITIONS.get(assignment.status()).contains(command.newStatus())) {
            throw new ProcedureViolation(ProcedureRule.INTERVENTION_TRANSITION, "An intervention that is "
                    + assignment.status() + " cannot become " + command.newStatus() + "; allowed: "
                    + ALLOWED_TRANSITIONS.get(assignment.status()) + ".");
        }
        apply(new InterventionStatusChanged(caseId, command.occurredAt(), command.interventionId(),
                assignment.agencyCode(), assignment.status(), command.newStatus(),
                seal(protector, command.note())));
        if (command.newStatus() == InterventionStatus.COMPLETED) {
            fulfil(deadlines, command.occurredAt(), d -> d.rule() == DeadlineRule.INTERVENTION_DUE
                    && command.interventionId().equals(d.interventionId()));
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(ReassignIntervention command, DeadlineManager deadlines, DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.COORDINATION, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        Assignment assignment = approvedIntervention(command.interventionId());
        if (assignment.status() == InterventionStatus.COMPLETED) {
            throw new ProcedureViolation(ProcedureRule.REASSIGN_COMPLETED);
        }
        if (assignment.agencyCode().equals(command.toAgencyCode())) {
            throw new ProcedureViolation(ProcedureRule.REASSIGN_SAME_AGENCY);
        }
        LocalDate dueDate = command.dueDate() != null ? command.dueDate() : assignment.dueDate();
        Instant at = command.occurredAt();
        withdraw(deadlines, at, d -> d.rule() == DeadlineRule.INTERVENTION_DUE
                && command.interventionId().equals(d.interventionId()), "REASSIGNED");
        apply(new InterventionReassigned(caseId, at, command.interventionId(), assignment.agencyCode(),
                command.toAgencyCode(), dueDate));
        schedule(deadlines, at, DeadlineRule.INTERVENTION_DUE, policy.endOf(dueDate), command.toAgencyCode(),
                command.interventionId());
        return newVersion();
    }

    @CommandHandler
    public long handle(ReviewCase command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (status != CaseStatus.PLAN_APPROVED) {
            throw new ProcedureViolation(ProcedureRule.REVIEW_NEEDS_APPROVED_PLAN);
        }
        Instant at = command.occurredAt();
        apply(new CaseReviewed(caseId, at, command.riskLevel(), command.outcome(),
                seal(protector, command.notes())));
        fulfil(deadlines, at, d -> d.rule() == DeadlineRule.CASE_REVIEW);
        if (command.outcome() == ReviewOutcome.REPLAN) {
            schedule(deadlines, at, DeadlineRule.PLAN_DRAFTING, policy.planDraftingDue(at), communeCode, null);
        } else {
            schedule(deadlines, at, DeadlineRule.CASE_REVIEW, policy.reviewDue(at), communeCode, null);
        }
        return newVersion();
    }

    @CommandHandler
    public long handle(CloseCase command, PersonalDataProtector protector, ProcedureSettings settings,
                       DeadlineManager deadlines, KnownChildren children) {
        StepPermissions.require(StepPermissions.Step.CHAIR_DECISION, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (command.reasonCode().equals(settings.noFurtherRiskReason()) && !closureProposed) {
            throw new ProcedureViolation(ProcedureRule.CLOSURE_NEEDS_PROPOSAL);
        }
        String duplicateOf = DuplicateReport.original(command, caseId, childId, children);
        withdraw(deadlines, command.occurredAt(), d -> true, "CASE_CLOSED");
        if (pendingTransferTo != null) {
            apply(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                    TransferWithdrawalReason.CASE_CLOSED, null));
        }
        apply(new CaseClosed(caseId, command.occurredAt(), command.reasonCode(),
                seal(protector, command.notes()), duplicateOf));
        return newVersion();
    }

    @CommandHandler
    public long handle(ReopenCase command, PersonalDataProtector protector) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        if (status != CaseStatus.CLOSED) {
            throw new ProcedureViolation(ProcedureRule.REOPEN_ONLY_CLOSED);
        }
        if (pendingTransferTo != null) {
            // Left pending by a closing recorded before closings withdrew requests: it ended with that closing.
            apply(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                    TransferWithdrawalReason.CASE_CLOSED, null));
        }
        apply(new CaseReopened(caseId, command.occurredAt(), seal(protector, command.reason())));
        return newVersion();
    }

    @CommandHandler
    public long handle(RequestTransfer command, PersonalDataProtector protector) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        requireOpen();
        if (command.toCommuneCode().equals(communeCode)) {
            throw new ProcedureViolation(ProcedureRule.TRANSFER_SAME_COMMUNE);
        }
        if (pendingTransferTo != null) {
            throw new ProcedureViolation(ProcedureRule.TRANSFER_PENDING);
        }
        apply(new TransferRequested(caseId, command.occurredAt(), communeCode, command.toCommuneCode(),
                seal(protector, command.reason())));
        return newVersion();
    }

    @CommandHandler
    public long handle(AcceptTransfer command) {
        StepPermissions.require(StepPermissions.Step.TRANSFER_DECISION, communeCode, Set.of(), pendingTransferTo);
        requireVersion(command.expectedVersion());
        requireOpen();
        requireReceivingCommune(command.actingOrgUnit());
        apply(new CaseTransferred(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                pendingTransferReason));
        return newVersion();
    }

    @CommandHandler
    public long handle(DeclineTransfer command, PersonalDataProtector protector) {
        StepPermissions.require(StepPermissions.Step.TRANSFER_DECISION, communeCode, Set.of(), pendingTransferTo);
        requireVersion(command.expectedVersion());
        requireOpen();
        requireReceivingCommune(command.actingOrgUnit());
        apply(new TransferDeclined(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                seal(protector, command.reason())));
        return newVersion();
    }

    /**
     * The requesting commune takes its pending transfer request back. Allowed on a closed case too, for requests
     * left pending by closings recorded before a closing withdrew them itself.
     */
    @CommandHandler
    public long handle(WithdrawTransfer command, PersonalDataProtector protector) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        if (pendingTransferTo == null) {
            throw new ProcedureViolation(ProcedureRule.NO_PENDING_TRANSFER);
        }
        apply(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                TransferWithdrawalReason.WITHDRAWN_BY_SENDER, seal(protector, command.reason())));
        return newVersion();
    }

    @CommandHandler
    public long handle(RecordDisclosureConsent command) {
        StepPermissions.require(StepPermissions.Step.COMMUNE_WORK, communeCode);
        requireVersion(command.expectedVersion());
        if (command.party() == ConsentParty.CHILD && ageYears < 7) {
            throw new ProcedureViolation(ProcedureRule.CHILD_CONSENT_FROM_7);
        }
        apply(new DisclosureConsentRecorded(caseId, command.occurredAt(), command.party(), command.status()));
        return newVersion();
    }

    /**
     * Erases the child's identity: records why and on whose authority, and deletes the child's key in the same
     * transaction. Allowed on a closed case too: the right to be forgotten outlives the case work.
     */
    @CommandHandler
    public long handle(EraseChildIdentity command, ChildKeyShredder shredder) {
        StepPermissions.require(StepPermissions.Step.ERASURE, communeCode);
        requireVersion(command.expectedVersion());
        if (identityErased) {
            throw new ProcedureViolation(ProcedureRule.IDENTITY_ALREADY_ERASED);
        }
        apply(new ChildIdentityErased(caseId, command.occurredAt(), childId, command.legalBasis(),
                command.authorisationReference()));
        shredder.shred(childId);
        return newVersion();
    }

    /**
     * A time limit came due. If it is still open, it was missed: recorded by the service itself, in the name of
     * whoever had to meet it (the commune running the case now, or the intervention's agency).
     */
    @DeadlineHandler(deadlineName = DEADLINE_NAME)
    void on(DeadlineDue due) {
        TrackedDeadline deadline = openDeadlines.get(due.deadlineId());
        if (deadline == null || deadline.missed() || status == CaseStatus.CLOSED) {
            return;
        }
        String responsible = deadline.rule() == DeadlineRule.INTERVENTION_DUE ? deadline.responsibleOrgUnit()
                : communeCode;
        apply(new DeadlineMissed(caseId, deadline.dueAt(), due.deadlineId(), deadline.rule(), deadline.dueAt(),
                responsible, deadline.interventionId()),
                MetaData.with("userId", SYSTEM_USER).and("orgUnit", responsible).and("role", "SYSTEM"));
    }

    private void requireReceivingCommune(String actingOrgUnit) {
        if (pendingTransferTo == null) {
            throw new ProcedureViolation(ProcedureRule.NO_PENDING_TRANSFER);
        }
        if (!pendingTransferTo.equals(actingOrgUnit)) {
            throw new ProcedureViolation(ProcedureRule.NOT_RECEIVING_COMMUNE);
        }
    }

    private boolean hasOpen(DeadlineRule rule) {
        return openDeadlines.values().stream().anyMatch(d -> d.rule() == rule);
    }

    private void schedule(DeadlineManager deadlines, Instant occurredAt, DeadlineRule rule, Instant dueAt,
                          String responsibleOrgUnit, String interventionId) {
        String deadlineId = rule.name() + "-" + (deadlinesScheduled + 1);
        String scheduleId = deadlines.schedule(dueAt, DEADLINE_NAME, new DeadlineDue(deadlineId));
        apply(new DeadlineScheduled(caseId, occurredAt, deadlineId, rule, dueAt, responsibleOrgUnit, interventionId,
                scheduleId));
    }

    private void fulfil(DeadlineManager deadlines, Instant occurredAt, Predicate<TrackedDeadline> which) {
        end(deadlines, which, (id, d) -> new DeadlineFulfilled(caseId, occurredAt, id, d.rule(), d.interventionId(),
                d.missed()));
    }

    private void withdraw(DeadlineManager deadlines, Instant occurredAt, Predicate<TrackedDeadline> which,
                          String reason) {
        end(deadlines, which, (id, d) -> new DeadlineWithdrawn(caseId, occurredAt, id, d.rule(), d.interventionId(),
                reason));
    }

    /**
     * Ends the open limits {@code which} selects: cancels their schedules (a missed one's has run already) and records
     * how each ended.
     */
    private void end(DeadlineManager deadlines, Predicate<TrackedDeadline> which,
                     BiFunction<String, TrackedDeadline, Object> ending) {
        List.copyOf(openDeadlines.entrySet()).stream().filter(e -> which.test(e.getValue())).forEach(e -> {
            if (!e.getValue().missed()) {
                deadlines.cancelSchedule(DEADLINE_NAME, e.getValue().scheduleId());
            }
            apply(ending.apply(e.getKey(), e.getValue()));
        });
    }

    /**
     * Seals personal text with the child's key; after an erasure there is no key, and none may be made again.
     */
    private EncryptedText seal(PersonalDataProtector protector, PersonalText text) {
        if (text == null) {
            return null;
        }
        if (identityErased) {
            throw new ProcedureViolation(ProcedureRule.IDENTITY_ERASED);
        }
        return protector.seal(childId, text);
    }

    /**
     * An intervention of the approved plan, or the refusal that says why there is none.
     */
    private Assignment approvedIntervention(String interventionId) {
        if (approvedPlanVersion == null) {
            throw new ProcedureViolation(ProcedureRule.INTERVENTIONS_NEED_APPROVED_PLAN);
        }
        Assignment assignment = interventions.get(interventionId);
        if (assignment == null) {
            throw new UnknownInterventionException(interventionId);
        }
        return assignment;
    }

    /**
     * The org units within reach for agency work: those an intervention of the approved plan is assigned to, none
     * once the case is closed (as for reads).
     */
    private Set<String> assignedOrgUnits() {
        if (status == CaseStatus.CLOSED || approvedPlanVersion == null) {
            return Set.of();
        }
        Set<String> assigned = new HashSet<>();
        interventions.values().forEach(a -> assigned.add(a.agencyCode()));
        return assigned;
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
    /**
     * {@code If-Match}: the case must be at the version the caller read. Checked by each handler right after who may
     * take the step, so that a caller outside the case's reach learns nothing of it, not even its version.
     *
     * @param expected the expected Axon version (last sequence number), or null for an unconditional write
     * @throws ConflictingAggregateVersionException when the case is at another version
     */
    private void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && actual != null && !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(caseId, expected, actual);
        }
    }

    private static long newVersion() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(CaseReported event) {
        caseId = event.caseId();
        childId = event.childId();
        communeCode = event.communeCode();
        status = CaseStatus.REPORTED;
        cycleStartedAt = event.occurredAt();
        ageYears = event.ageYears();
    }

    @EventSourcingHandler
    void on(ChildIdentityErased event) {
        identityErased = true;
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
        Map<String, String> agencies = new LinkedHashMap<>();
        Map<String, LocalDate> dueDates = new HashMap<>();
        event.interventions().forEach(i -> {
            agencies.put(i.interventionId(), i.agencyCode());
            dueDates.put(i.interventionId(), i.dueDate());
        });
        draftedAgencies = agencies;
        draftedDueDates = dueDates;
        status = CaseStatus.PLAN_DRAFTED;
    }

    @EventSourcingHandler
    void on(SupportPlanApproved event) {
        approvedPlanVersion = event.planVersion();
        interventions.clear();
        draftedAgencies.forEach((id, agency) -> interventions.put(id,
                new Assignment(agency, InterventionStatus.ASSIGNED, draftedDueDates.get(id))));
        status = CaseStatus.PLAN_APPROVED;
    }

    @EventSourcingHandler
    void on(InterventionStatusChanged event) {
        interventions.computeIfPresent(event.interventionId(), (id, a) -> new Assignment(a.agencyCode(),
                event.newStatus(), a.dueDate()));
    }

    @EventSourcingHandler
    void on(InterventionReassigned event) {
        interventions.put(event.interventionId(), new Assignment(event.toAgencyCode(), InterventionStatus.ASSIGNED,
                event.dueDate()));
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
        cycleStartedAt = event.occurredAt();
        initiallyAssessed = false;
        closureProposed = false;
        approvedPlanVersion = null;
        interventions.clear();
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        communeCode = event.toCommuneCode();
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        pendingTransferTo = event.toCommuneCode();
        pendingTransferReason = event.reason();
    }

    @EventSourcingHandler
    void on(TransferDeclined event) {
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    @EventSourcingHandler
    void on(TransferWithdrawn event) {
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    @EventSourcingHandler
    void on(DeadlineScheduled event) {
        deadlinesScheduled++;
        openDeadlines.put(event.deadlineId(), new TrackedDeadline(event.rule(), event.dueAt(),
                event.responsibleOrgUnit(), event.interventionId(), event.scheduleId(), false));
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        openDeadlines.computeIfPresent(event.deadlineId(), (id, d) -> d.asMissed());
    }

    @EventSourcingHandler
    void on(DeadlineFulfilled event) {
        openDeadlines.remove(event.deadlineId());
    }

    @EventSourcingHandler
    void on(DeadlineWithdrawn event) {
        openDeadlines.remove(event.deadlineId());
    }

    private record Assignment(String agencyCode, InterventionStatus status, LocalDate dueDate) {
    }

    private record TrackedDeadline(DeadlineRule rule, Instant dueAt, String responsibleOrgUnit,
                                   String interventionId, String scheduleId, boolean missed) {

        TrackedDeadline asMissed() {
            return new TrackedDeadline(rule, dueAt, responsibleOrgUnit, interventionId, scheduleId, true);
        }
    }
}
