package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.query.deadlines.DeadlineState;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * The case file (<i>hồ sơ vụ việc</i>) as a client reads it: the current state of one case. Personal fields (the
 * child's name, birth date and address, the reporter's identity, narratives, notes, findings, goals, descriptions)
 * are plain strings here, opened for this response only; they are null when absent, when the child's identity was
 * erased, when they cannot be opened ({@code personalDataUnreadable}), or when the reader may not see them (an auditor without a break-the-glass grant:
 * {@code personalDataRedacted}). The stored document has the same shape with those fields sealed.
 */
@Schema(name = "CaseFile", description = "Current state of one case (hồ sơ vụ việc), in full or with its personal "
        + "fields redacted")
public record CaseFileView(
        String caseId,
        @Schema(description = "Org unit code of the commune that runs the case now")
        String communeCode,
        CaseStatus status,
        @Schema(description = "Number of events of the case; also the ETag and the If-Match value for commands")
        long version,
        @Schema(description = "When the last event of the case was recorded")
        Instant updatedAt,
        @Schema(description = "Latest risk level from the initial assessment, detailed assessment or a review; "
                + "null until assessed")
        RiskLevel riskLevel,
        @Schema(description = "Whether the initial assessment called for emergency measures")
        boolean emergency,
        @Schema(description = "True when the child's identity was erased (xóa danh tính): an erasure was recorded "
                + "for the case, and no personal field is opened any more")
        boolean personalDataErased,
        @Schema(description = "True when, without an erasure, some personal field cannot be opened (its key is "
                + "missing or does not open it): an integrity error, logged and reported by the integrity check "
                + "(GET /api/v1/integrity/personal-data); those fields are null. False when nothing was opened "
                + "(redacted view)")
        boolean personalDataUnreadable,
        @Schema(description = "True when this reader is not shown the personal fields (an auditor without an active "
                + "break-the-glass grant): they are null here, whatever they hold")
        boolean personalDataRedacted,
        @Schema(description = "When the child's identity was erased, or null")
        Instant identityErasedAt,
        @Schema(description = "Code of the legal ground of the erasure, or null")
        String erasureLegalBasis,
        @Schema(description = "Reference of the decision that authorised the erasure, or null")
        String erasureAuthorisationReference,
        @Schema(description = "The latest consent to disclosure recorded for each party (sự đồng ý)")
        Consents consents,
        Child child,
        Report report,
        InitialAssessment initialAssessment,
        DetailedAssessment detailedAssessment,
        List<EmergencyResponse> emergencyMeasures,
        @Schema(description = "The latest temporary removal (tạm thời cách ly), or null")
        Removal temporaryRemoval,
        Plan plan,
        List<Review> reviews,
        @Schema(description = "Set while the case is closed; null when open or reopened")
        Closure closure,
        List<Reopening> reopenings,
        @Schema(description = "A transfer to another commune waiting for its answer, or null")
        PendingTransfer pendingTransfer,
        @Schema(description = "Transfers that ended: accepted, declined or withdrawn, oldest first")
        List<Transfer> transfers,
        @Schema(description = "Carry-overs to a successor commune after the commune running the case ceased in a "
                + "reorganisation (chuyển tiếp sang đơn vị hành chính mới), oldest first; not transfers")
        List<CarryOver> carryOvers,
        @Schema(description = "The time limits of the procedure for this case (thời hạn), in the order they were "
                + "scheduled, whatever their state")
        List<Deadline> deadlines) implements CaseFileAnswer {

    /** The discriminator value of this shape. */
    public static final String SHAPE = "CaseFile";

    @Override
    @JsonProperty("shape")
    @Schema(description = "Which shape of case file this is (discriminator): The full case file (or with personal fields redacted)",
            allowableValues = SHAPE, requiredMode = Schema.RequiredMode.REQUIRED)
    public String shape() {
        return SHAPE;
    }

    /**
     * A document stored before deadlines and transfer requests existed reads with empty lists, and its transfers
     * (which then moved the case at once) as accepted; one stored before consents were recorded, with none.
     */
    public CaseFileView {
        consents = consents == null ? new Consents(null, null) : consents;
        deadlines = deadlines == null ? List.of() : deadlines;
        transfers = transfers == null ? List.of() : transfers.stream().map(Transfer::withDefaults).toList();
        carryOvers = carryOvers == null ? List.of() : carryOvers;
    }

    @Schema(name = "CaseFileCarryOver", description = "The case carried over to the successor of its ceased commune "
            + "(Chuyển tiếp sang đơn vị hành chính mới / Carried over to the successor unit)")
    public record CarryOver(String fromCommuneCode, String toCommuneCode,
                            @Schema(description = "00:00 Vietnam time of the successor's first day (UTC instant)")
                            Instant carriedOverAt,
                            @Schema(description = "The legal source of the succession") String legalBasis,
                            @Schema(description = "True when the ceased commune was split and a person chose the "
                                    + "successor; false when the case followed its commune by itself")
                            boolean chosenByPerson) {
    }

    @Schema(name = "CaseFileConsents", description = "Consent to disclose the child's information (Luật Trẻ em Art "
            + "21): the latest record of each party, or null when none is recorded")
    public record Consents(@Schema(description = "The child's own (needed from the age of 7)") Consent child,
                           @Schema(description = "The parent's or guardian's") Consent guardian) {
    }

    @Schema(name = "CaseFileConsent", description = "One party's latest consent record")
    public record Consent(ConsentStatus status, @Schema(description = "When it was given, refused or withdrawn")
                          Instant recordedAt) {
    }

    @Schema(name = "CaseFileChild", description = "The child (trẻ em)")
    public record Child(String childId, Sex sex, int ageYears, boolean ageEstimated, String ethnicity,
                        @Schema(description = "Personal data") String name,
                        @Schema(description = "Personal data, YYYY-MM-DD as recorded") String birthDate,
                        @Schema(description = "Personal data") String address) {
    }

    @Schema(name = "CaseFileReport", description = "The report and its intake (thông báo, tiếp nhận; Mẫu 01)")
    public record Report(CaseCategory category, ReportChannel channel, List<AbuseForm> abuseForms,
                         AbuseSetting setting, List<SpecialCircumstanceGroup> specialCircumstanceGroups,
                         String receivingOrgUnit, Instant reportedAt,
                         @Schema(description = "Whether the reporter agreed to have their identity recorded")
                         boolean reporterConsent,
                         @Schema(description = "Personal data; only with the reporter's consent")
                         String reporterIdentity,
                         @Schema(description = "Personal data") String narrative) {
    }

    @Schema(name = "CaseFileInitialAssessment", description = "Đánh giá nguy cơ ban đầu (Mẫu 02)")
    public record InitialAssessment(Instant assessedAt, RiskLevel riskLevel, boolean emergency,
                                    @Schema(description = "Personal data") String notes) {
    }

    @Schema(name = "CaseFileDetailedAssessment", description = "Đánh giá nguy cơ cụ thể (Mẫu 03)")
    public record DetailedAssessment(Instant assessedAt, RiskLevel riskLevel,
                                     @Schema(description = "Personal data") String findings) {
    }

    @Schema(name = "CaseFileEmergencyResponse", description = "Can thiệp khẩn cấp (Mẫu 07)")
    public record EmergencyResponse(Instant takenAt, List<EmergencyMeasure> measures, Removal temporaryRemoval,
                                    @Schema(description = "Personal data") String notes) {
    }

    @Schema(name = "CaseFileTemporaryRemoval", description = "Tạm thời cách ly (Decree 56 Art 32)")
    public record Removal(LocalDate startDate, LocalDate endDate) {
    }

    @Schema(name = "CaseFilePlan", description = "Kế hoạch hỗ trợ, can thiệp (Mẫu 04, 05)")
    public record Plan(int currentVersion,
                       @Schema(description = "The approved version, or null while none is approved (also after "
                               + "a reopening)")
                       Integer approvedVersion,
                       Instant draftedAt, Instant approvedAt,
                       @Schema(description = "Personal data") String goals,
                       @Schema(description = "Interventions of the current version")
                       List<Intervention> interventions) {
    }

    @Schema(name = "CaseFileIntervention", description = "One intervention of the plan and what its agency reported")
    public record Intervention(String interventionId, InterventionMeasure measure,
                               @Schema(description = "The agency it is assigned to now (changed by a "
                                       + "reassignment)") String agencyCode,
                               LocalDate dueDate,
                               @Schema(description = "ASSIGNED when its plan version is approved or it is "
                                       + "reassigned, then as the agency reports; in an unapproved draft, the status "
                                       + "last reported for the same intervention id, else null; null after a "
                                       + "reopening")
                               InterventionStatus status,
                               Instant statusChangedAt,
                               @Schema(description = "Personal data") String description,
                               @Schema(description = "Personal data: the last note reported on it (by the agency "
                                       + "it was assigned to then)") String note) {
    }

    @Schema(name = "CaseFileReview", description = "Rà soát, đánh giá (Mẫu 06)")
    public record Review(Instant reviewedAt, RiskLevel riskLevel, ReviewOutcome outcome,
                         @Schema(description = "Personal data") String notes) {
    }

    @Schema(name = "CaseFileClosure", description = "Kết thúc")
    public record Closure(String reasonCode, Instant closedAt,
                          @Schema(description = "Personal data") String notes,
                          @Schema(description = "For reasonCode DUPLICATE_REPORT: the case of the same child this one "
                                  + "repeats; otherwise null") String duplicateOfCaseId) {
    }

    @Schema(name = "CaseFileReopening", description = "A reopening and the closure it ended")
    public record Reopening(Instant reopenedAt, Closure previousClosure,
                            @Schema(description = "Personal data") String reason) {
    }

    @Schema(name = "CaseFilePendingTransfer", description = "A transfer requested and not yet answered by the "
            + "receiving commune; the case stays with its commune meanwhile")
    public record PendingTransfer(String fromCommuneCode, String toCommuneCode, Instant requestedAt,
                                  @Schema(description = "Personal data") String reason) {
    }

    @Schema(name = "CaseFileTransfer", description = "A transfer to another commune and how it was answered")
    public record Transfer(TransferOutcome outcome, String fromCommuneCode, String toCommuneCode,
                           @Schema(description = "When it was requested; null for a transfer recorded before "
                                   + "requests existed") Instant requestedAt,
                           @Schema(description = "When the receiving commune accepted or declined") Instant decidedAt,
                           @Schema(description = "When the case moved; null when declined") Instant transferredAt,
                           @Schema(description = "Personal data: the reason given with the request") String reason,
                           @Schema(description = "Personal data: why it was declined") String declineReason,
                           @Schema(description = "Why it ended unanswered, when WITHDRAWN (rút đề nghị): CASE_CLOSED "
                                   + "or WITHDRAWN_BY_SENDER; decidedAt is then when it was withdrawn")
                           TransferWithdrawalReason withdrawalReason,
                           @Schema(description = "Personal data: the requesting commune's reason for withdrawing")
                           String withdrawalExplanation) {

        Transfer withDefaults() {
            if (outcome != null) {
                return this;
            }
            return new Transfer(TransferOutcome.ACCEPTED, fromCommuneCode, toCommuneCode, requestedAt,
                    decidedAt != null ? decidedAt : transferredAt, transferredAt, reason, declineReason, null, null);
        }
    }

    @Schema(name = "CaseFileDeadline", description = "A time limit of the procedure (thời hạn) and its state")
    public record Deadline(String deadlineId, DeadlineRule rule, Instant dueAt,
                           @Schema(description = "Org unit code of who must meet it: the commune that runs the case "
                                   + "(moved on an accepted transfer while open or late), or the intervention's "
                                   + "agency") String responsibleOrgUnit,
                           @Schema(description = "The intervention, for INTERVENTION_DUE; otherwise null")
                           String interventionId,
                           @Schema(description = "MET or FULFILLED_LATE compare the date of the step that met "
                                   + "it with dueAt, whenever the step was typed; MISSED while a miss stands")
                           DeadlineState state, Instant scheduledAt,
                           @Schema(description = "When it was missed (its due instant, UTC) while the miss stands; "
                                   + "null again once a miss is corrected") Instant missedAt,
                           @Schema(description = "The date of the step that met it (UTC)") Instant fulfilledAt,
                           Instant withdrawnAt,
                           @Schema(description = "CASE_CLOSED, REASSIGNED or PLAN_REPLACED when withdrawn",
                                   allowableValues = {"CASE_CLOSED", "REASSIGNED", "PLAN_REPLACED"})
                           String withdrawnReason,
                           @Schema(description = "Whether the step that met it was recorded (typed) at or after "
                                   + "dueAt (ghi nhận muộn), a fact apart from whether it was met in time; null "
                                   + "until it is met", nullable = true)
                           Boolean recordedLate,
                           @Schema(description = "When the service recorded (UTC) that a miss it had recorded did "
                                   + "not happen, the step being dated before dueAt (đính chính quá hạn); null when "
                                   + "no miss was corrected", nullable = true)
                           Instant missCorrectedAt) {
    }
}
