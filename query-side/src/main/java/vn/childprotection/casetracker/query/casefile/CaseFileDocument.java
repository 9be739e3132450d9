package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
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
import vn.childprotection.casetracker.query.casefile.StoredSteps.Child;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Closure;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Consent;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Consents;
import vn.childprotection.casetracker.query.casefile.StoredSteps.DetailedAssessment;
import vn.childprotection.casetracker.query.casefile.StoredSteps.EmergencyResponse;
import vn.childprotection.casetracker.query.casefile.StoredSteps.InitialAssessment;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Reopening;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Report;
import vn.childprotection.casetracker.query.casefile.StoredSteps.Review;
import vn.childprotection.casetracker.query.casefile.StoredTransfers.CarryOver;
import vn.childprotection.casetracker.query.casefile.StoredTransfers.PendingTransfer;
import vn.childprotection.casetracker.query.casefile.StoredTransfers.Transfer;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * The case file (<i>hồ sơ vụ việc</i>) as {@code case_file.doc} stores it: the shape of {@link CaseFileView} with
 * the personal fields sealed, bound by Jackson from and to the row's JSON. Its parts are immutable records and
 * immutable lists; the document itself changes through intention-named methods, one per kind of event, that replace
 * a part with a new one. So {@link #copy()} (a copy of the references only) is all a handler needs to change the
 * document without touching the one it started from: a change that throws leaves the original as it was.
 * <p>
 * The time limits ({@link StoredDeadlines}) and the plan ({@link StoredPlan}) are changed in their own types, the
 * steps are {@link StoredSteps} and {@link StoredTransfers}. Instants are UTC.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonPropertyOrder({"caseId", "communeCode", "status", "version", "updatedAt", "riskLevel", "emergency",
        "identityErasedAt", "erasureLegalBasis", "erasureAuthorisationReference", "consents", "child", "report",
        "initialAssessment", "detailedAssessment", "emergencyMeasures", "temporaryRemoval", "plan", "reviews",
        "closure", "reopenings", "pendingTransfer", "transfers", "carryOvers", "deadlines"})
final class CaseFileDocument implements Cloneable {

    private String caseId;
    private String communeCode;
    private CaseStatus status;
    private long version;
    private Instant updatedAt;
    private RiskLevel riskLevel;
    private boolean emergency;
    private Instant identityErasedAt;
    private String erasureLegalBasis;
    private String erasureAuthorisationReference;
    private Consents consents = Consents.NONE;
    private Child child;
    private Report report;
    private InitialAssessment initialAssessment;
    private DetailedAssessment detailedAssessment;
    private List<EmergencyResponse> emergencyMeasures = List.of();
    private TemporaryRemoval temporaryRemoval;
    private StoredPlan plan;
    private List<Review> reviews = List.of();
    private Closure closure;
    private List<Reopening> reopenings = List.of();
    private PendingTransfer pendingTransfer;
    private List<Transfer> transfers = List.of();
    private List<CarryOver> carryOvers = List.of();
    private List<StoredDeadline> deadlines = List.of();

    /** For Jackson, which sets the fields from the stored JSON. */
    private CaseFileDocument() {
    }

    /** A new case: reported (<i>thông báo</i>), nothing assessed, planned or scheduled yet. */
    static CaseFileDocument reported(CaseReported e, long version, Instant recordedAt) {
        CaseFileDocument doc = new CaseFileDocument();
        doc.caseId = e.caseId();
        doc.communeCode = e.communeCode();
        doc.status = CaseStatus.REPORTED;
        doc.version = version;
        doc.updatedAt = recordedAt;
        doc.child = new Child(e.childId(), e.sex(), e.ageYears(), e.ageEstimated(), e.ethnicity(), e.childName(),
                e.birthDate(), e.address());
        doc.report = new Report(e.category(), e.channel(), inDeclarationOrder(e.abuseForms()), e.setting(),
                inDeclarationOrder(e.specialCircumstanceGroups()), e.receivingOrgUnit(), e.occurredAt(),
                e.reporterConsentToRecordIdentity(), e.reporterIdentity(), e.narrative());
        return doc;
    }

    /**
     * This document as it is now, sharing its immutable parts: changing the copy never changes this one. A list or
     * part the stored JSON lacked (a document written before it existed) is empty here.
     */
    CaseFileDocument copy() {
        CaseFileDocument copy;
        try {
            copy = (CaseFileDocument) super.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
        copy.consents = consents == null ? Consents.NONE : consents;
        copy.emergencyMeasures = orEmpty(emergencyMeasures);
        copy.reviews = orEmpty(reviews);
        copy.reopenings = orEmpty(reopenings);
        copy.transfers = orEmpty(transfers);
        copy.carryOvers = orEmpty(carryOvers);
        copy.deadlines = orEmpty(deadlines);
        return copy;
    }

    String caseId() {
        return caseId;
    }

    String communeCode() {
        return communeCode;
    }

    CaseStatus status() {
        return status;
    }

    /** The number of events of the case it holds. */
    long version() {
        return version;
    }

    /** When the last of them was recorded. */
    Instant updatedAt() {
        return updatedAt;
    }

    /** The event at {@code newVersion} (its sequence number + 1), recorded at {@code recordedAt}, is applied. */
    void counted(long newVersion, Instant recordedAt) {
        version = newVersion;
        updatedAt = recordedAt;
    }

    void initialAssessmentRecorded(InitialAssessmentRecorded e) {
        initialAssessment = new InitialAssessment(e.occurredAt(), e.riskLevel(), e.emergency(), e.notes());
        riskLevel = e.riskLevel();
        emergency = e.emergency();
        status = CaseStatus.INITIALLY_ASSESSED;
    }

    /** The measures are listed; a temporary removal among them becomes the case's latest. */
    void emergencyMeasuresTaken(EmergencyMeasuresTaken e) {
        emergencyMeasures = appended(emergencyMeasures, new EmergencyResponse(e.occurredAt(),
                e.measures() == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(e.measures())), e.temporaryRemoval(), e.notes()));
        if (e.temporaryRemoval() != null) {
            temporaryRemoval = e.temporaryRemoval();
        }
    }

    void detailedAssessmentRecorded(DetailedAssessmentRecorded e) {
        detailedAssessment = new DetailedAssessment(e.occurredAt(), e.riskLevel(), e.findings());
        riskLevel = e.riskLevel();
        status = CaseStatus.DETAILED_ASSESSED;
    }

    /** A new plan version replaces the interventions shown (see {@link StoredPlan#drafted}). */
    void planDrafted(SupportPlanDrafted e) {
        plan = StoredPlan.drafted(plan, e);
        status = CaseStatus.PLAN_DRAFTED;
    }

    /**
     * The commune chair approved a plan version (see {@link StoredPlan#approved}).
     *
     * @return false when no plan was drafted (only the status changes then)
     */
    boolean planApproved(SupportPlanApproved e) {
        status = CaseStatus.PLAN_APPROVED;
        if (plan == null) {
            return false;
        }
        plan = plan.approved(e);
        return true;
    }

    /** @return false when the current plan has no such intervention (nothing changes then) */
    boolean interventionStatusChanged(InterventionStatusChanged e) {
        if (plan == null || !plan.has(e.interventionId())) {
            return false;
        }
        plan = plan.statusChanged(e);
        return true;
    }

    /** @return false when the current plan has no such intervention (nothing changes then) */
    boolean interventionReassigned(InterventionReassigned e) {
        if (plan == null || !plan.has(e.interventionId())) {
            return false;
        }
        plan = plan.reassigned(e);
        return true;
    }

    /**
     * A review updates the risk level; re-planning sends the case back to drafting (status
     * {@code DETAILED_ASSESSED}), the other outcomes leave the status as it is.
     */
    void reviewed(CaseReviewed e) {
        reviews = appended(reviews, new Review(e.occurredAt(), e.riskLevel(), e.outcome(), e.notes()));
        if (e.riskLevel() != null) {
            riskLevel = e.riskLevel();
        }
        if (e.outcome() == ReviewOutcome.REPLAN) {
            status = CaseStatus.DETAILED_ASSESSED;
        }
    }

    void closed(CaseClosed e) {
        closure = new Closure(e.reasonCode(), e.occurredAt(), e.notes(), e.duplicateOfCaseId());
        status = CaseStatus.CLOSED;
    }

    /**
     * A reopened case is no longer closed: its closure moves into the reopening. As in the aggregate, the procedure
     * starts again, so no plan version is approved any more and no intervention is assigned.
     */
    void reopened(CaseReopened e) {
        reopenings = appended(reopenings, new Reopening(e.occurredAt(), closure, e.reason()));
        closure = null;
        if (plan != null) {
            plan = plan.reopened();
        }
        status = CaseStatus.REOPENED;
    }

    void transferRequested(TransferRequested e) {
        pendingTransfer = PendingTransfer.requested(e);
    }

    void transferDeclined(TransferDeclined e) {
        transferDecided(Transfer.declined(pendingTransfer, e));
    }

    void transferWithdrawn(TransferWithdrawn e) {
        transferDecided(Transfer.withdrawn(pendingTransfer, e));
    }

    /** The receiving commune accepted: it runs the case now, with its commune deadlines still open or late. */
    void transferred(CaseTransferred e) {
        transferDecided(Transfer.accepted(pendingTransfer, e));
        runBy(e.toCommuneCode());
    }

    /** The successor of the ceased commune runs the case now, as after an accepted transfer. */
    void carriedOver(CaseCarriedOver e) {
        carryOvers = appended(carryOvers, CarryOver.of(e));
        runBy(e.toCommuneCode());
    }

    void deadlineScheduled(DeadlineScheduled e) {
        deadlines = new StoredDeadlines(deadlines).scheduled(e).all();
    }

    /** @return false when the deadline was unknown (it is listed as missed then) */
    boolean deadlineMissed(DeadlineMissed e) {
        StoredDeadlines current = new StoredDeadlines(deadlines);
        deadlines = current.missed(e).all();
        return current.has(e.deadlineId());
    }

    /** @return false when the deadline is unknown */
    boolean deadlineMissCorrected(DeadlineMissCorrected e, Instant recordedAt) {
        return pendingDeadlineChanged(e.deadlineId(), d -> d.missCorrected(recordedAt));
    }

    /** @return false when the deadline is unknown */
    boolean deadlineFulfilled(DeadlineFulfilled e) {
        return pendingDeadlineChanged(e.deadlineId(), d -> d.fulfilled(e));
    }

    /** @return false when the deadline is unknown */
    boolean deadlineWithdrawn(DeadlineWithdrawn e) {
        return pendingDeadlineChanged(e.deadlineId(), d -> d.withdrawn(e));
    }

    /** A party's latest consent to disclosure replaces its previous one. */
    void consentRecorded(DisclosureConsentRecorded e) {
        consents = (consents == null ? Consents.NONE : consents)
                .recorded(e.party(), new Consent(e.status(), e.occurredAt()));
    }

    /**
     * The child's identity was erased (<i>xóa danh tính</i>): when, on which legal ground and by which decision; and
     * every sealed value is dropped, since none could be opened again.
     */
    void identityErased(ChildIdentityErased e) {
        child = child == null ? null : child.withoutSealedValues();
        report = report == null ? null : report.withoutSealedValues();
        initialAssessment = initialAssessment == null ? null : initialAssessment.withoutSealedValues();
        detailedAssessment = detailedAssessment == null ? null : detailedAssessment.withoutSealedValues();
        emergencyMeasures = each(emergencyMeasures, EmergencyResponse::withoutSealedValues);
        plan = plan == null ? null : plan.withoutSealedValues();
        reviews = each(reviews, Review::withoutSealedValues);
        closure = closure == null ? null : closure.withoutSealedValues();
        reopenings = each(reopenings, Reopening::withoutSealedValues);
        pendingTransfer = pendingTransfer == null ? null : pendingTransfer.withoutSealedValues();
        transfers = each(transfers, Transfer::withoutSealedValues);
        identityErasedAt = e.occurredAt();
        erasureLegalBasis = e.legalBasis();
        erasureAuthorisationReference = e.authorisationReference();
    }

    private void transferDecided(Transfer transfer) {
        transfers = appended(transfers, transfer);
        pendingTransfer = null;
    }

    private void runBy(String newCommuneCode) {
        communeCode = newCommuneCode;
        deadlines = new StoredDeadlines(deadlines).runBy(newCommuneCode).all();
    }

    /** Changes the deadline if it is still open or late; false when the case has none with that id. */
    private boolean pendingDeadlineChanged(String deadlineId, UnaryOperator<StoredDeadline> change) {
        StoredDeadlines current = new StoredDeadlines(deadlines);
        deadlines = current.pendingChanged(deadlineId, change).all();
        return current.has(deadlineId);
    }

    private static <E extends Enum<E>> List<E> inDeclarationOrder(Collection<E> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    private static <T> List<T> each(List<T> list, UnaryOperator<T> change) {
        return list.stream().map(change).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
