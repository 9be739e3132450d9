package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.command.casefile.AcceptTransfer;
import vn.childprotection.casetracker.command.casefile.ApproveSupportPlan;
import vn.childprotection.casetracker.command.casefile.ChangeInterventionStatus;
import vn.childprotection.casetracker.command.casefile.ChooseSuccessorCommune;
import vn.childprotection.casetracker.command.casefile.CloseCase;
import vn.childprotection.casetracker.command.casefile.DeclineTransfer;
import vn.childprotection.casetracker.command.casefile.DraftSupportPlan;
import vn.childprotection.casetracker.command.casefile.DuplicateReport;
import vn.childprotection.casetracker.command.casefile.EraseChildIdentity;
import vn.childprotection.casetracker.command.casefile.PersonalText;
import vn.childprotection.casetracker.command.casefile.ProcedureSettings;
import vn.childprotection.casetracker.command.casefile.RecordDetailedAssessment;
import vn.childprotection.casetracker.command.casefile.RecordDisclosureConsent;
import vn.childprotection.casetracker.command.casefile.RecordInitialAssessment;
import vn.childprotection.casetracker.command.casefile.ReopenCase;
import vn.childprotection.casetracker.command.casefile.ReportCase;
import vn.childprotection.casetracker.command.casefile.ReviewCase;
import vn.childprotection.casetracker.command.casefile.TakeEmergencyMeasures;
import vn.childprotection.casetracker.command.casefile.ReassignIntervention;
import vn.childprotection.casetracker.command.casefile.RequestTransfer;
import vn.childprotection.casetracker.command.casefile.WithdrawTransfer;
import vn.childprotection.casetracker.command.intake.ReportIntake;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * The commands of the case procedure (Decree 56/2017/NĐ-CP Chapter III). The controller checks the shape of each
 * request and the codes it names, each on the step's Vietnam day (a unit that did not exist that day is refused 409
 * {@code org-unit-not-valid}, naming its successors or predecessors); the {@code CaseFile} aggregate checks the order
 * of the procedure and moves a case of a ceased commune to its successor. Every command
 * answers with the case id and its new version; {@code If-Match: "<version>"} makes it conditional.
 */
@RestController
@RequestMapping(path = "/api/v1/cases", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case procedure", description = "Quy trình xử lý vụ việc — "
        + "Commands from the report to closing (Decree 56/2017/NĐ-CP, Chapter III)")
@ApiResponse(responseCode = "200", description = "Recorded: the case id and its new version (also the ETag)",
        headers = @Header(name = "ETag", description = "The case's new version, quoted (\"7\"): send it back as "
                + "If-Match", schema = @Schema(type = "string")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(implementation = CommandResult.class)))
@ApiResponse(responseCode = "400", description = "Malformed input; `errors` lists each field and its problem",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "Unknown case or intervention",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "Refused by the procedure (`rule` names the rule), or version "
        + "conflict", content = @Content(mediaType = "application/problem+json"))
public class CaseCommandController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String DUPLICATE_REPORT = DuplicateReport.REASON;

    /** A complete, valid report of a new child (no childId): what Swagger UI's "Try it out" sends as it stands. */
    static final String REPORT_EXAMPLE = """
            {"occurredAt": "2026-03-01T08:30:00Z", "communeCode": "31-xa-an-lao", "category": "ABUSED",
             "channel": "HOTLINE_111", "abuseForms": ["VIOLENCE"], "setting": "FAMILY",
             "child": {"name": "Nguyễn Văn Thử", "ageYears": 9, "sex": "MALE", "ethnicity": "Kinh",
                       "address": "Thôn 1, xã An Lão"},
             "reporter": {"consentToRecordIdentity": false},
             "narrative": "Hàng xóm báo trẻ bị đánh nhiều lần."}""";

    private final CommandGateway commands;
    private final ReportIntake intake;
    private final OrgUnitRegistry orgUnits;
    private final CurrentActor currentActor;
    private final CommandTimes times;
    private final ProcedureSettings settings;
    private final JsonMapper jsonMapper;

    public CaseCommandController(CommandGateway commands, ReportIntake intake, OrgUnitRegistry orgUnits,
                                 CurrentActor currentActor, CommandTimes times, ProcedureSettings settings,
                                 JsonMapper jsonMapper) {
        this.commands = commands;
        this.intake = intake;
        this.orgUnits = orgUnits;
        this.currentActor = currentActor;
        this.times = times;
        this.settings = settings;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping
    @Operation(operationId = "reportCase", summary = "Report a case (thông báo, tiếp nhận — Mẫu 01)",
            description = "Opens a case. With an Idempotency-Key, repeating the request within the retention "
                    + "(casetracker.idempotency.retention, 7 days by default) returns the same case (200, header "
                    + "Idempotent-Replayed: true); the same key with another body is refused (409). After the "
                    + "retention, or once the child's identity was erased, the request is answered as new.")
    @ApiResponse(responseCode = "201", description = "Case opened", headers = {
            @Header(name = "Location", description = "The case: /api/v1/cases/{caseId}",
                    schema = @Schema(type = "string", format = "uri-reference")),
            @Header(name = "ETag", description = "The case's version, \"1\"", schema = @Schema(type = "string"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "200", description = "A repeat of an earlier report with the same Idempotency-Key "
            + "and body, within the retention: the case it opened, nothing new recorded", headers = {
            @Header(name = "Idempotent-Replayed", description = "Always true on this answer",
                    schema = @Schema(type = "string", allowableValues = "true")),
            @Header(name = "Location", description = "The case: /api/v1/cases/{caseId}",
                    schema = @Schema(type = "string", format = "uri-reference"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CommandResult.class)))
    public ResponseEntity<CommandResult> report(
            @Parameter(in = ParameterIn.HEADER, description = "Client-chosen key, unique per report",
                    schema = @Schema(maxLength = 255), example = "7c5e0c52-report-1")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReportCaseRequest.class),
                    examples = @ExampleObject(name = "abused-child", summary = "A report to the hotline 111",
                            value = REPORT_EXAMPLE)))
            @Valid @RequestBody ReportCaseRequest request) {
        Actor actor = currentActor.require();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new BadRequestException("Idempotency-Key", "must be 1 to 255 characters");
        }
        Instant occurredAt = times.occurredAt(request.occurredAt());
        orgUnits.requireOn("communeCode", request.communeCode(), vietnamDay(occurredAt), OrgUnitType.COMMUNE);
        ReportCaseRequest.Child child = request.child();
        int ageYears = ageAtReport(child, occurredAt);
        boolean knownChild = child.childId() != null;
        ReportCase command = new ReportCase(UUID.randomUUID().toString(),
                knownChild ? child.childId() : UUID.randomUUID().toString(), occurredAt,
                request.communeCode(), actor.orgUnit(), request.category(), request.channel(),
                orEmpty(request.abuseForms()), request.setting(), orEmpty(request.specialCircumstanceGroups()),
                child.sex(), ageYears, child.birthDate() == null, child.ethnicity(), PersonalText.of(child.name()),
                child.birthDate() == null ? null : PersonalText.of(child.birthDate().toString()),
                PersonalText.of(child.address()), request.reporter().consentToRecordIdentity(),
                PersonalText.of(request.reporter().identity()), PersonalText.of(request.narrative()), knownChild);
        ReportIntake.Outcome outcome = intake.receive(command, actor.username(),
                idempotencyKey == null ? null : idempotencyKey.trim(), jsonMapper.writeValueAsString(request));
        CommandResult result = new CommandResult(outcome.caseId(), 1);
        if (outcome.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true")
                    .location(URI.create("/api/v1/cases/" + outcome.caseId())).body(result);
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + outcome.caseId())).eTag("\"1\"").body(result);
    }

    @PostMapping("/{caseId}/initial-assessment")
    @Operation(summary = "Initial assessment (đánh giá nguy cơ ban đầu — Mẫu 02)")
    public ResponseEntity<CommandResult> initialAssessment(@PathVariable String caseId,
                                                           @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                           @Valid @RequestBody InitialAssessmentRequest request) {
        return send(caseId, new RecordInitialAssessment(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.riskLevel(), request.emergency(),
                PersonalText.of(request.notes())));
    }

    @PostMapping("/{caseId}/emergency-measures")
    @Operation(summary = "Emergency measures (can thiệp khẩn cấp — Mẫu 07)")
    public ResponseEntity<CommandResult> emergencyMeasures(@PathVariable String caseId,
                                                           @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                           @Valid @RequestBody EmergencyMeasuresRequest request) {
        EmergencyMeasuresRequest.Removal removal = request.temporaryRemoval();
        return send(caseId, new TakeEmergencyMeasures(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.measures(),
                removal == null ? null : new TemporaryRemoval(removal.startDate(), removal.endDate()),
                PersonalText.of(request.notes())));
    }

    @PostMapping("/{caseId}/detailed-assessment")
    @Operation(summary = "Detailed assessment (đánh giá nguy cơ cụ thể — Mẫu 03)")
    public ResponseEntity<CommandResult> detailedAssessment(@PathVariable String caseId,
                                                            @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                            @Valid @RequestBody DetailedAssessmentRequest request) {
        return send(caseId, new RecordDetailedAssessment(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.riskLevel(), PersonalText.of(request.findings())));
    }

    @PostMapping("/{caseId}/plan")
    @Operation(summary = "Draft the support plan (xây dựng kế hoạch hỗ trợ, can thiệp — Mẫu 04)",
            description = "Each call drafts a new version. Agencies are org unit codes of type AGENCY or COMMUNE.")
    public ResponseEntity<CommandResult> draftPlan(@PathVariable String caseId,
                                                   @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   @Valid @RequestBody SupportPlanRequest request) {
        Set<String> ids = new HashSet<>();
        List<DraftSupportPlan.Intervention> interventions = new java.util.ArrayList<>();
        Instant occurredAt = times.occurredAt(request.occurredAt());
        for (int i = 0; i < request.interventions().size(); i++) {
            SupportPlanRequest.Intervention in = request.interventions().get(i);
            orgUnits.requireOn("interventions[" + i + "].agencyCode", in.agencyCode(), vietnamDay(occurredAt),
                    OrgUnitType.AGENCY, OrgUnitType.COMMUNE);
            String id = in.interventionId() == null ? UUID.randomUUID().toString() : in.interventionId();
            if (!ids.add(id)) {
                throw new BadRequestException("interventions[" + i + "].interventionId", "is used twice in the plan");
            }
            interventions.add(new DraftSupportPlan.Intervention(id, in.measure(), in.agencyCode(), in.dueDate(),
                    PersonalText.of(in.description())));
        }
        return send(caseId, new DraftSupportPlan(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                occurredAt, interventions, PersonalText.of(request.goals())));
    }

    @PostMapping("/{caseId}/plan/approval")
    @Operation(summary = "Approve the plan (phê duyệt — Mẫu 05)")
    public ResponseEntity<CommandResult> approvePlan(@PathVariable String caseId,
                                                     @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                     @Valid @RequestBody PlanApprovalRequest request) {
        return send(caseId, new ApproveSupportPlan(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.planVersion()));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/status")
    @Operation(summary = "Change an intervention's status (by the assigned agency)",
            description = "The signed-in user's org unit must be the agency the intervention is assigned to.")
    public ResponseEntity<CommandResult> interventionStatus(@PathVariable String caseId,
                                                            @PathVariable String interventionId,
                                                            @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                            @Valid @RequestBody InterventionStatusRequest request) {
        return send(caseId, new ChangeInterventionStatus(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), interventionId, request.status(),
                currentActor.require().orgUnit(), PersonalText.of(request.note())));
    }

    @PostMapping("/{caseId}/reviews")
    @Operation(operationId = "reviewCase", summary = "Review (rà soát, đánh giá — Mẫu 06)")
    public ResponseEntity<CommandResult> review(@PathVariable String caseId,
                                                @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @Valid @RequestBody ReviewRequest request) {
        return send(caseId, new ReviewCase(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.riskLevel(), request.outcome(),
                PersonalText.of(request.notes())));
    }

    @PostMapping("/{caseId}/closure")
    @Operation(summary = "Close the case (kết thúc)")
    public ResponseEntity<CommandResult> close(@PathVariable String caseId,
                                               @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ClosureRequest request) {
        if (!settings.closingReasons().contains(request.reasonCode())) {
            throw new BadRequestException("reasonCode", "must be one of " + String.join(", ",
                    settings.closingReasons()));
        }
        boolean duplicate = DUPLICATE_REPORT.equals(request.reasonCode());
        if (duplicate && (request.duplicateOfCaseId() == null || request.duplicateOfCaseId().isBlank())) {
            throw new BadRequestException("duplicateOfCaseId", "is required when reasonCode is " + DUPLICATE_REPORT);
        }
        if (!duplicate && request.duplicateOfCaseId() != null) {
            throw new BadRequestException("duplicateOfCaseId", "is given only when reasonCode is " + DUPLICATE_REPORT);
        }
        return send(caseId, new CloseCase(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.reasonCode(), PersonalText.of(request.notes()),
                request.duplicateOfCaseId()));
    }

    @PostMapping("/{caseId}/reopening")
    @Operation(summary = "Reopen a closed case")
    public ResponseEntity<CommandResult> reopen(@PathVariable String caseId,
                                                @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @Valid @RequestBody ReopeningRequest request) {
        return send(caseId, new ReopenCase(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), PersonalText.of(request.reason())));
    }

    @PostMapping("/{caseId}/transfer")
    @Operation(summary = "Ask another commune to take the case over",
            description = "The case stays with its commune until the receiving commune accepts.")
    public ResponseEntity<CommandResult> requestTransfer(@PathVariable String caseId,
                                                         @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                         @Valid @RequestBody TransferRequest request) {
        Instant occurredAt = times.occurredAt(request.occurredAt());
        orgUnits.requireOn("toCommuneCode", request.toCommuneCode(), vietnamDay(occurredAt), OrgUnitType.COMMUNE);
        return send(caseId, new RequestTransfer(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                occurredAt, request.toCommuneCode(), PersonalText.of(request.reason())));
    }

    @PostMapping("/{caseId}/transfer/decision")
    @Operation(summary = "The receiving commune accepts or declines a transfer",
            description = "Only a user of the receiving commune may decide. On acceptance the case, and its "
                    + "running time limits, belong to that commune.")
    public ResponseEntity<CommandResult> decideTransfer(@PathVariable String caseId,
                                                        @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                        @Valid @RequestBody TransferDecisionRequest request) {
        Long expected = IfMatch.expectedAggregateVersion(ifMatch);
        Instant occurredAt = times.occurredAt(request.occurredAt());
        String actingOrgUnit = currentActor.require().orgUnit();
        return send(caseId, request.decision() == TransferDecisionRequest.Decision.ACCEPT
                ? new AcceptTransfer(caseId, expected, occurredAt, actingOrgUnit)
                : new DeclineTransfer(caseId, expected, occurredAt, actingOrgUnit, PersonalText.of(request.reason())));
    }

    @PostMapping("/{caseId}/transfer/withdrawal")
    @Operation(summary = "The requesting commune withdraws its transfer request (rút đề nghị chuyển vụ việc)",
            description = "Ends the pending request: the commune it was offered to no longer reads the case. "
                    + "Allowed on a closed case that still has a request pending. 409 no-pending-transfer when "
                    + "none waits.")
    public ResponseEntity<CommandResult> withdrawTransfer(@PathVariable String caseId,
                                                          @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                          @Valid @RequestBody TransferWithdrawalRequest request) {
        return send(caseId, new WithdrawTransfer(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), PersonalText.of(request.reason())));
    }

    @PostMapping("/{caseId}/interventions/{interventionId}/reassignment")
    @Operation(summary = "Reassign an intervention to another agency (coordinator)",
            description = "The intervention becomes ASSIGNED to the new agency; its time limit starts again with "
                    + "the due date given (or the current one).")
    public ResponseEntity<CommandResult> reassign(@PathVariable String caseId, @PathVariable String interventionId,
                                                  @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @Valid @RequestBody ReassignmentRequest request) {
        Instant occurredAt = times.occurredAt(request.occurredAt());
        orgUnits.requireOn("toAgencyCode", request.toAgencyCode(), vietnamDay(occurredAt), OrgUnitType.AGENCY,
                OrgUnitType.COMMUNE);
        return send(caseId, new ReassignIntervention(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                occurredAt, interventionId, request.toAgencyCode(), request.dueDate()));
    }

    @PostMapping("/{caseId}/successor-commune")
    @Operation(summary = "Choose the successor commune of a split commune (chọn xã kế thừa)",
            description = "For a case whose commune ceased and was split (the 2025 reform, Nghị quyết "
                    + "1669/NQ-UBTVQH15): by the coordinator or the chair of one of the successor communes. Records "
                    + "the carry-over (CaseCarriedOver, dated 00:00 Vietnam time of the successor's first day); the "
                    + "running time limits move with the case. 409 commune-not-ended, not-a-successor-commune or "
                    + "case-closed.")
    public ResponseEntity<CommandResult> chooseSuccessor(@PathVariable String caseId,
                                                         @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                         @Valid @RequestBody SuccessorCommuneRequest request) {
        orgUnits.require("communeCode", request.communeCode(), OrgUnitType.COMMUNE);
        return send(caseId, new ChooseSuccessorCommune(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.communeCode()));
    }

    @PostMapping("/{caseId}/consents")
    @Operation(summary = "Record consent to disclosure (sự đồng ý của trẻ em, cha mẹ, người giám hộ)",
            description = "The child's own consent is recorded from the age of 7; disclosure needs the guardian's "
                    + "and, from 7, the child's.")
    public ResponseEntity<CommandResult> consent(@PathVariable String caseId,
                                                 @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ConsentRequest request) {
        return send(caseId, new RecordDisclosureConsent(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.party(), request.status()));
    }

    @PostMapping("/{caseId}/erasure")
    @Operation(summary = "Erase the child's identity (right to be forgotten)",
            description = "Deletes the child's key in the same transaction as the event that records it. The "
                    + "history, its hash chain and the statistics stay; no answer shows the person again.")
    public ResponseEntity<CommandResult> erase(@PathVariable String caseId,
                                               @IfMatchHeader @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ErasureRequest request) {
        if (!settings.erasureLegalBases().contains(request.legalBasis())) {
            throw new BadRequestException("legalBasis", "must be one of " + String.join(", ",
                    settings.erasureLegalBases()));
        }
        return send(caseId, new EraseChildIdentity(caseId, IfMatch.expectedAggregateVersion(ifMatch),
                times.occurredAt(request.occurredAt()), request.legalBasis(), request.authorisationReference()));
    }

    private ResponseEntity<CommandResult> send(String caseId, Object command) {
        Long version = commands.sendAndWait(command);
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(new CommandResult(caseId, version));
    }

    private static LocalDate vietnamDay(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate();
    }

    private static int ageAtReport(ReportCaseRequest.Child child, Instant occurredAt) {
        if (child.birthDate() == null) {
            return child.ageYears();
        }
        LocalDate reportDay = occurredAt.atZone(VIETNAM).toLocalDate();
        if (child.birthDate().isAfter(reportDay)) {
            throw new BadRequestException("child.birthDate", "must not be after the report");
        }
        int age = Period.between(child.birthDate(), reportDay).getYears();
        if (age >= 16) {
            throw new BadRequestException("child.birthDate", "gives an age of 16 or more; a child (trẻ em) is "
                    + "under 16");
        }
        return age;
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }
}
