package vn.childprotection.casetracker.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.command.deadlines.DeadlinePolicy;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
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
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
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
 * Every step is refused when dated before the step it follows ({@link StepOrder}), then recorded with the time
 * limits it withdraws, meets and starts as {@link TimeLimits} declares them ({@link TimeLimitLedger}): each limit
 * is scheduled on the persistent {@link DeadlineManager} and recorded as {@link DeadlineScheduled}; a schedule that
 * fires first records {@link DeadlineMissed}, written by the service itself; the step that meets it records
 * {@link DeadlineFulfilled}, late when the step is dated at or after the due instant, preceded by a
 * {@link DeadlineMissCorrected} when a recorded miss turns out not to have happened.
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
    /** The commune that ran the case before its latest carry-over, and when the law moved it (null: never). */
    private String communeBeforeCarryOver;
    private Instant carriedOverAt;
    private CaseStatus status;
    private boolean initiallyAssessed;
    private boolean closureProposed;
    private int latestPlanVersion;
    private Map<String, String> draftedAgencies = Map.of();
    private Integer approvedPlanVersion;
    private final Map<String, Assignment> interventions = new LinkedHashMap<>();
    private Map<String, LocalDate> draftedDueDates = Map.of();
    private Instant cycleStartedAt;
    private String pendingTransferTo;
    private EncryptedText pendingTransferReason;
    private int ageYears;
    private boolean identityErased;
    private final TimeLimitLedger timeLimits = new TimeLimitLedger();
    private final StepTimes times = new StepTimes();

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
                       DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (status != CaseStatus.REPORTED && status != CaseStatus.REOPENED) {
            throw new ProcedureViolation(ProcedureRule.INITIAL_ASSESSMENT_ONCE);
        }
        step(new InitialAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(), command.emergency(),
                seal(protector, command.notes())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(TakeEmergencyMeasures command, PersonalDataProtector protector, ProcedureSettings settings,
                       DeadlineManager deadlines, DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(command.temporaryRemoval() != null
                ? StepPermissions.Step.CHAIR_DECISION : StepPermissions.Step.COMMUNE_WORK, command.occurredAt(),
                orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (!initiallyAssessed) {
            throw new ProcedureViolation(ProcedureRule.INITIAL_ASSESSMENT_REQUIRED);
        }
        TemporaryRemoval removal = command.temporaryRemoval();
        if (removal != null) {
            long days = ChronoUnit.DAYS.between(removal.startDate(), removal.endDate());
            if (days < 0) {
                throw new ProcedureViolation(ProcedureRule.REMOVAL_ENDS_BEFORE_START);
            }
            if (removal.startDate().isBefore(times.reportDay())) {
                throw new ProcedureViolation(ProcedureRule.REMOVAL_BEFORE_REPORT, "The temporary removal starts on "
                        + removal.startDate() + ", before the day of the report, " + times.reportDay() + ".");
            }
            if (days > settings.maxRemovalDays()) {
                throw new ProcedureViolation(ProcedureRule.REMOVAL_TOO_LONG, "A temporary removal (tạm thời cách "
                        + "ly) lasts at most " + settings.maxRemovalDays() + " days (Art 32); this one lasts "
                        + days + ".");
            }
        }
        step(new EmergencyMeasuresTaken(caseId, command.occurredAt(), List.copyOf(command.measures()), removal,
                seal(protector, command.notes())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(RecordDetailedAssessment command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (status != CaseStatus.INITIALLY_ASSESSED && status != CaseStatus.DETAILED_ASSESSED) {
            throw new ProcedureViolation(initiallyAssessed ? ProcedureRule.DETAILED_ASSESSMENT_ORDER
                    : ProcedureRule.INITIAL_ASSESSMENT_REQUIRED);
        }
        step(new DetailedAssessmentRecorded(caseId, command.occurredAt(), command.riskLevel(),
                seal(protector, command.findings())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(DraftSupportPlan command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
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
        step(new SupportPlanDrafted(caseId, command.occurredAt(), latestPlanVersion + 1, planned,
                seal(protector, command.goals())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(ApproveSupportPlan command, DeadlineManager deadlines, DeadlinePolicy policy,
                       OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.CHAIR_DECISION, command.occurredAt(),
                orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (status != CaseStatus.PLAN_DRAFTED) {
            throw new ProcedureViolation(ProcedureRule.APPROVAL_NEEDS_DRAFT);
        }
        if (command.planVersion() != latestPlanVersion) {
            throw new ProcedureViolation(ProcedureRule.PLAN_VERSION_MISMATCH, "Version " + command.planVersion()
                    + " cannot be approved; the latest drafted version is " + latestPlanVersion + ".");
        }
        step(new SupportPlanApproved(caseId, command.occurredAt(), latestPlanVersion), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(ChangeInterventionStatus command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.AGENCY_WORK, command.occurredAt(), orgUnits,
                assignedOrgUnits(), null, false);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
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
        step(new InterventionStatusChanged(caseId, command.occurredAt(), command.interventionId(),
                assignment.agencyCode(), assignment.status(), command.newStatus(),
                seal(protector, command.note())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(ReassignIntervention command, DeadlineManager deadlines, DeadlinePolicy policy,
                       OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COORDINATION, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        Assignment assignment = approvedIntervention(command.interventionId());
        if (assignment.status() == InterventionStatus.COMPLETED) {
            throw new ProcedureViolation(ProcedureRule.REASSIGN_COMPLETED);
        }
        if (assignment.agencyCode().equals(command.toAgencyCode())) {
            throw new ProcedureViolation(ProcedureRule.REASSIGN_SAME_AGENCY);
        }
        LocalDate dueDate = command.dueDate() != null ? command.dueDate() : assignment.dueDate();
        step(new InterventionReassigned(caseId, command.occurredAt(), command.interventionId(),
                assignment.agencyCode(), command.toAgencyCode(), dueDate), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(ReviewCase command, PersonalDataProtector protector, DeadlineManager deadlines,
                       DeadlinePolicy policy, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (status != CaseStatus.PLAN_APPROVED) {
            throw new ProcedureViolation(ProcedureRule.REVIEW_NEEDS_APPROVED_PLAN);
        }
        step(new CaseReviewed(caseId, command.occurredAt(), command.riskLevel(), command.outcome(),
                seal(protector, command.notes())), deadlines, policy);
        return newVersion();
    }

    @CommandHandler
    public long handle(CloseCase command, PersonalDataProtector protector, ProcedureSettings settings,
                       DeadlineManager deadlines, KnownChildren children, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.CHAIR_DECISION, command.occurredAt(),
                orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        if (command.reasonCode().equals(settings.noFurtherRiskReason()) && !closureProposed) {
            throw new ProcedureViolation(ProcedureRule.CLOSURE_NEEDS_PROPOSAL);
        }
        String duplicateOf = DuplicateReport.original(command, caseId, childId, children);
        CaseClosed closed = new CaseClosed(caseId, command.occurredAt(), command.reasonCode(),
                seal(protector, command.notes()), duplicateOf);
        StepOrder.require(closed, times);
        if (pendingTransferTo != null) {
            apply(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                    TransferWithdrawalReason.CASE_CLOSED, null));
        }
        step(closed, deadlines, null);
        return newVersion();
    }

    @CommandHandler
    public long handle(ReopenCase command, PersonalDataProtector protector, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits,
                Set.of(), null, true);
        requireVersion(command.expectedVersion());
        if (status != CaseStatus.CLOSED) {
            throw new ProcedureViolation(ProcedureRule.REOPEN_ONLY_CLOSED);
        }
        if (commune.toChoose() == null) {
            // Reopened in a split commune, it stays there until a person chooses its successor.
            follow(commune);
        }
        CaseReopened reopened = new CaseReopened(caseId, command.occurredAt(), seal(protector, command.reason()));
        StepOrder.require(reopened, times);
        if (pendingTransferTo != null) {
            // Left pending by a closing recorded before closings withdrew requests: it ended with that closing.
            apply(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                    TransferWithdrawalReason.CASE_CLOSED, null));
        }
        apply(reopened);
        return newVersion();
    }

    @CommandHandler
    public long handle(RequestTransfer command, PersonalDataProtector protector, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
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
    public long handle(AcceptTransfer command, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.TRANSFER_DECISION, command.occurredAt(),
                orgUnits, Set.of(), pendingTransferTo, false);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        requireReceivingCommune(command.actingOrgUnit());
        // A commune that ceased after the request cannot take the case: the request is withdrawn and made again to
        // its successor, which this refusal names.
        orgUnits.requireOn("toCommuneCode", pendingTransferTo,
                command.occurredAt().atZone(CommuneSuccession.VIETNAM).toLocalDate(), OrgUnitType.COMMUNE);
        inOrder(new CaseTransferred(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                pendingTransferReason));
        return newVersion();
    }

    @CommandHandler
    public long handle(DeclineTransfer command, PersonalDataProtector protector, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.TRANSFER_DECISION, command.occurredAt(),
                orgUnits, Set.of(), pendingTransferTo, false);
        requireVersion(command.expectedVersion());
        requireOpen();
        follow(commune);
        requireReceivingCommune(command.actingOrgUnit());
        inOrder(new TransferDeclined(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                seal(protector, command.reason())));
        return newVersion();
    }

    /**
     * The requesting commune takes its pending transfer request back. Allowed on a closed case too, for requests
     * left pending by closings recorded before a closing withdrew them itself.
     */
    @CommandHandler
    public long handle(WithdrawTransfer command, PersonalDataProtector protector, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        follow(commune);
        if (pendingTransferTo == null) {
            throw new ProcedureViolation(ProcedureRule.NO_PENDING_TRANSFER);
        }
        inOrder(new TransferWithdrawn(caseId, command.occurredAt(), communeCode, pendingTransferTo,
                TransferWithdrawalReason.WITHDRAWN_BY_SENDER, seal(protector, command.reason())));
        return newVersion();
    }

    @CommandHandler
    public long handle(RecordDisclosureConsent command, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.COMMUNE_WORK, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        follow(commune);
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
    public long handle(EraseChildIdentity command, ChildKeyShredder shredder, OrgUnitRegistry orgUnits) {
        CommuneSuccession.Outcome commune = reach(StepPermissions.Step.ERASURE, command.occurredAt(), orgUnits);
        requireVersion(command.expectedVersion());
        follow(commune);
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
     * whoever had to meet it (the commune running the case now, or the intervention's agency). When the case's
     * commune had ceased by the due instant and went whole into one successor, the case is first carried over to it,
     * so the miss is the successor's.
     */
    @DeadlineHandler(deadlineName = DEADLINE_NAME)
    void on(DeadlineDue due, OrgUnitRegistry orgUnits) {
        TimeLimitLedger.OpenLimit deadline = timeLimits.dueNow(due.deadlineId()).orElse(null);
        if (deadline == null || status == CaseStatus.CLOSED) {
            return;
        }
        CommuneSuccession.Outcome commune = CommuneSuccession.on(orgUnits, caseId, communeCode, deadline.dueAt());
        if (commune.toChoose() == null) {
            commune.carryOvers().forEach(this::applyBySystem);
        }
        String responsible = deadline.rule() == DeadlineRule.INTERVENTION_DUE ? deadline.responsibleOrgUnit()
                : communeCode;
        apply(new DeadlineMissed(caseId, deadline.dueAt(), due.deadlineId(), deadline.rule(), deadline.dueAt(),
                responsible, deadline.interventionId()),
                MetaData.with("userId", SYSTEM_USER).and("orgUnit", responsible).and("role", "SYSTEM"));
    }

    /**
     * The ceased commune's successor takes the case over by law: recorded by the service itself (user
     * {@code system}, role {@code SYSTEM}), in the successor's name. A case already run by a commune that exists
     * that day, a closed case and a case of a split commune are not moved: answers which of these it was.
     */
    @CommandHandler
    public CarryOverOutcome handle(CarryOverCase command, OrgUnitRegistry orgUnits) {
        if (status == CaseStatus.CLOSED) {
            return CarryOverOutcome.STAYS;
        }
        CommuneSuccession.Outcome commune = CommuneSuccession.on(orgUnits, caseId, communeCode, command.asOf());
        CarryOverOutcome outcome = commune.carryOverOutcome();
        if (outcome == CarryOverOutcome.CARRIED_OVER) {
            commune.carryOvers().forEach(this::applyBySystem);
        }
        return outcome;
    }

    /**
     * A person chooses which successor of a split commune runs the case (<i>chọn đơn vị kế thừa</i>): the
     * coordinator or the chair of one of the candidate communes. Recorded as {@link CaseCarriedOver} with
     * {@code chosenByPerson}, dated the successor's first instant.
     *
     * @throws ProcedureViolation {@link ProcedureRule#COMMUNE_NOT_ENDED} when the commune running the case still
     *                            exists on the command's day, {@link ProcedureRule#NOT_A_SUCCESSOR_COMMUNE} when the
     *                            commune chosen took none of its people, {@link ProcedureRule#CASE_CLOSED}
     */
    @CommandHandler
    public long handle(ChooseSuccessorCommune command, OrgUnitRegistry orgUnits) {
        OrgUnit ceased = orgUnits.find(communeCode).orElse(null);
        List<String> candidates = ceased == null ? List.of()
                : CommuneSuccession.candidates(orgUnits, ceased).stream().map(OrgUnit::code).toList();
        StepPermissions.requireAny(StepPermissions.Step.SUCCESSOR_CHOICE,
                candidates.isEmpty() ? List.of(communeCode) : candidates, Set.of(), null);
        requireVersion(command.expectedVersion());
        requireOpen();
        LocalDate day = command.occurredAt().atZone(CommuneSuccession.VIETNAM).toLocalDate();
        if (ceased == null || !ceased.endedBefore(day)) {
            throw new ProcedureViolation(ProcedureRule.COMMUNE_NOT_ENDED, "The case is run by " + communeCode
                    + ", which exists on " + day + ": there is no successor to choose.");
        }
        OrgUnit.Successor link = ceased.caseSuccessors().stream()
                .filter(s -> s.code().equals(command.communeCode())).findFirst()
                .orElseThrow(() -> new ProcedureViolation(ProcedureRule.NOT_A_SUCCESSOR_COMMUNE, command.communeCode()
                        + " is not a successor of " + communeCode + " that took over its people; choose among: "
                        + String.join(", ", candidates) + "."));
        OrgUnit successor = orgUnits.find(link.code()).orElseThrow(() -> new ProcedureViolation(
                ProcedureRule.NOT_A_SUCCESSOR_COMMUNE));
        apply(CommuneSuccession.carryOver(caseId, ceased, successor, link, true));
        return newVersion();
    }

    /**
     * Who may take {@code step} on this case on the step's day: the commune running it, or, when that commune has
     * ceased, its successor (a whole successor takes the case; a split commune's candidates and itself may be told
     * that one must be chosen). A closed case stays where it was, unless it is being reopened.
     */
    private CommuneSuccession.Outcome reach(StepPermissions.Step step, Instant at, OrgUnitRegistry orgUnits) {
        return reach(step, at, orgUnits, Set.of(), null, false);
    }

    private CommuneSuccession.Outcome reach(StepPermissions.Step step, Instant at, OrgUnitRegistry orgUnits,
                                            Set<String> assignedOrgUnits, String pendingTransferTo,
                                            boolean reopening) {
        CommuneSuccession.Outcome outcome = status == CaseStatus.CLOSED && !reopening
                ? CommuneSuccession.stays(communeCode) : CommuneSuccession.on(orgUnits, caseId, communeCode, at);
        List<String> communes = outcome.communes();
        if (carriedOverAt != null && at.isBefore(carriedOverAt)) {
            // A step dated while the ceased commune still ran the case, entered after the carry-over was recorded
            // (a late entry): the commune of that day may record it, as may its successor.
            communes = new ArrayList<>(communes);
            communes.add(communeBeforeCarryOver);
        }
        StepPermissions.requireAny(step, communes, assignedOrgUnits, pendingTransferTo);
        return outcome;
    }

    /**
     * Records the carry-overs that precede the step, or refuses the step while the successor is to be chosen.
     *
     * @throws SuccessorCommuneToChoose when the commune was split and nobody chose yet
     */
    private void follow(CommuneSuccession.Outcome outcome) {
        if (outcome.toChoose() != null) {
            throw outcome.toChoose();
        }
        outcome.carryOvers().forEach(this::applyBySystem);
    }

    /**
     * A carry-over by law is the service's doing, not the acting person's: recorded as user {@code system}, role
     * {@code SYSTEM}, in the successor's name (as a missed limit is).
     */
    private void applyBySystem(CaseCarriedOver carriedOver) {
        apply(carriedOver, MetaData.with("userId", SYSTEM_USER).and("orgUnit", carriedOver.toCommuneCode())
                .and("role", "SYSTEM"));
    }

    private void requireReceivingCommune(String actingOrgUnit) {
        if (pendingTransferTo == null) {
            throw new ProcedureViolation(ProcedureRule.NO_PENDING_TRANSFER);
        }
        if (!pendingTransferTo.equals(actingOrgUnit)) {
            throw new ProcedureViolation(ProcedureRule.NOT_RECEIVING_COMMUNE);
        }
    }

    /**
     * Records a step of the procedure: refused if dated before the step it follows ({@link StepOrder}), else applied
     * with the time limits it withdraws, meets and starts ({@link TimeLimits}).
     *
     * @param policy when limits fall due; null for a step that starts none
     */
    private void step(CaseEvent event, DeadlineManager deadlines, DeadlinePolicy policy) {
        StepOrder.require(event, times);
        timeLimits.record(event, new TimeLimits.CaseFacts() {
            @Override
            public Instant cycleStartedAt() {
                return cycleStartedAt;
            }

            @Override
            public String communeCode() {
                return communeCode;
            }

            @Override
            public boolean hasOpen(DeadlineRule rule) {
                return timeLimits.hasOpen(rule);
            }

            @Override
            public Map<String, TimeLimits.AssignedIntervention> interventions() {
                Map<String, TimeLimits.AssignedIntervention> assigned = new LinkedHashMap<>();
                interventions.forEach((id, a) -> assigned.put(id,
                        new TimeLimits.AssignedIntervention(a.agencyCode(), a.dueDate())));
                return assigned;
            }

            @Override
            public DeadlinePolicy policy() {
                return Objects.requireNonNull(policy, "no time limit starts on this step");
            }
        }, deadlines);
    }

    /**
     * Records a step that starts, meets and withdraws no time limit, unless dated before the step it follows.
     */
    private void inOrder(CaseEvent event) {
        StepOrder.require(event, times);
        apply(event);
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
        times.taken(event);
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
        times.taken(event);
        initiallyAssessed = true;
        status = CaseStatus.INITIALLY_ASSESSED;
    }

    @EventSourcingHandler
    void on(EmergencyMeasuresTaken event) {
        times.taken(event);
    }

    @EventSourcingHandler
    void on(DetailedAssessmentRecorded event) {
        times.taken(event);
        status = CaseStatus.DETAILED_ASSESSED;
    }

    @EventSourcingHandler
    void on(SupportPlanDrafted event) {
        times.taken(event);
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
        times.taken(event);
        approvedPlanVersion = event.planVersion();
        interventions.clear();
        draftedAgencies.forEach((id, agency) -> interventions.put(id,
                new Assignment(agency, InterventionStatus.ASSIGNED, draftedDueDates.get(id))));
        status = CaseStatus.PLAN_APPROVED;
    }

    @EventSourcingHandler
    void on(InterventionStatusChanged event) {
        times.taken(event);
        interventions.computeIfPresent(event.interventionId(), (id, a) -> new Assignment(a.agencyCode(),
                event.newStatus(), a.dueDate()));
    }

    @EventSourcingHandler
    void on(InterventionReassigned event) {
        times.taken(event);
        interventions.put(event.interventionId(), new Assignment(event.toAgencyCode(), InterventionStatus.ASSIGNED,
                event.dueDate()));
    }

    @EventSourcingHandler
    void on(CaseReviewed event) {
        times.taken(event);
        closureProposed = event.outcome() == ReviewOutcome.PROPOSE_CLOSURE;
        if (event.outcome() == ReviewOutcome.REPLAN) {
            status = CaseStatus.DETAILED_ASSESSED;
        }
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        times.taken(event);
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        times.taken(event);
        status = CaseStatus.REOPENED;
        cycleStartedAt = event.occurredAt();
        initiallyAssessed = false;
        closureProposed = false;
        approvedPlanVersion = null;
        interventions.clear();
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        times.taken(event);
        runBy(event.toCommuneCode());
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    /** As for an accepted transfer, the successor runs the case and its running time limits from now on. */
    @EventSourcingHandler
    void on(CaseCarriedOver event) {
        communeBeforeCarryOver = event.fromCommuneCode();
        carriedOverAt = event.occurredAt();
        runBy(event.toCommuneCode());
    }

    /**
     * The commune running the case from now on: it answers for every running limit but an intervention's
     * ({@link TimeLimits.CaseFacts#communeCode()}, {@link DeadlineMissed}).
     */
    private void runBy(String commune) {
        communeCode = commune;
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        times.taken(event);
        pendingTransferTo = event.toCommuneCode();
        pendingTransferReason = event.reason();
    }

    @EventSourcingHandler
    void on(TransferDeclined event) {
        times.taken(event);
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    @EventSourcingHandler
    void on(TransferWithdrawn event) {
        times.taken(event);
        pendingTransferTo = null;
        pendingTransferReason = null;
    }

    @EventSourcingHandler
    void on(DeadlineScheduled event) {
        timeLimits.scheduled(event);
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        timeLimits.missed(event.deadlineId(), true);
    }

    @EventSourcingHandler
    void on(DeadlineMissCorrected event) {
        timeLimits.missed(event.deadlineId(), false);
    }

    @EventSourcingHandler
    void on(DeadlineFulfilled event) {
        timeLimits.ended(event.deadlineId());
    }

    @EventSourcingHandler
    void on(DeadlineWithdrawn event) {
        timeLimits.ended(event.deadlineId());
    }

    private record Assignment(String agencyCode, InterventionStatus status, LocalDate dueDate) {
    }
}
