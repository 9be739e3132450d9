package vn.childprotection.casetracker.query.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.CaseFolds;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
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
import vn.childprotection.casetracker.query.deadlines.DeadlineState;
import vn.childprotection.casetracker.query.deadlines.TimeLimitReading;
import vn.childprotection.casetracker.query.personaldata.SealedValues;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReviewOutcome;

/**
 * Keeps the case file view (<i>hồ sơ vụ việc</i>): the current state of each case as one JSON document in
 * {@code case_file}, shaped like {@link CaseFileView}: its plan and interventions, transfers (pending and answered)
 * and the time limits of the procedure (<i>thời hạn</i>) with their state, the consents to disclosure (<i>sự đồng
 * ý</i>) and an erasure of the child's identity. Personal fields are stored as they are in the events, sealed with
 * the child's key, never in plain text; {@link CaseFileOpener} opens them only when a response is written.
 * <p>
 * Each event is applied once: the row's {@code version} (the event's sequence number + 1) tells which events it
 * already holds, so an event delivered again is ignored. A reset empties the table and the replay rebuilds it.
 * <p>
 * The documents are folded in memory per batch of events ({@link CaseFileBatch}): each case of the batch is read
 * once, changed by each of its events in turn, and written once when the batch commits.
 */
@Component
@WritesPerBatch
@ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
public class CaseFileProjection {

    public static final String PROCESSING_GROUP = "case-file";

    private static final Logger log = LoggerFactory.getLogger(CaseFileProjection.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CaseFileProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_file");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        long version = sequenceNumber + 1;
        ObjectNode doc = json.createObjectNode();
        doc.put("caseId", e.caseId());
        doc.put("communeCode", e.communeCode());
        doc.put("status", CaseStatus.REPORTED.name());
        doc.put("version", version);
        doc.put("updatedAt", recordedAt.toString());
        doc.putNull("riskLevel");
        doc.put("emergency", false);
        doc.putNull("identityErasedAt");
        doc.putNull("erasureLegalBasis");
        doc.putNull("erasureAuthorisationReference");
        ObjectNode consents = doc.putObject("consents");
        consents.putNull("child");
        consents.putNull("guardian");

        ObjectNode child = doc.putObject("child");
        child.put("childId", e.childId());
        child.put("sex", name(e.sex()));
        child.put("ageYears", e.ageYears());
        child.put("ageEstimated", e.ageEstimated());
        child.put("ethnicity", e.ethnicity());
        child.set("name", sealed(e.childName()));
        child.set("birthDate", sealed(e.birthDate()));
        child.set("address", sealed(e.address()));

        ObjectNode report = doc.putObject("report");
        report.put("category", name(e.category()));
        report.put("channel", name(e.channel()));
        report.set("abuseForms", names(e.abuseForms()));
        report.put("setting", name(e.setting()));
        report.set("specialCircumstanceGroups", names(e.specialCircumstanceGroups()));
        report.put("receivingOrgUnit", e.receivingOrgUnit());
        report.put("reportedAt", instant(e.occurredAt()));
        report.put("reporterConsent", e.reporterConsentToRecordIdentity());
        report.set("reporterIdentity", sealed(e.reporterIdentity()));
        report.set("narrative", sealed(e.narrative()));

        doc.putNull("initialAssessment");
        doc.putNull("detailedAssessment");
        doc.putArray("emergencyMeasures");
        doc.putNull("temporaryRemoval");
        doc.putNull("plan");
        doc.putArray("reviews");
        doc.putNull("closure");
        doc.putArray("reopenings");
        doc.putNull("pendingTransfer");
        doc.putArray("transfers");
        doc.putArray("carryOvers");
        doc.putArray("deadlines");

        CaseFolds<ObjectNode> batch = batch();
        if (batch.current(e.caseId()) == null) {
            batch.replace(e.caseId(), doc);
        }
    }

    @EventHandler
    void on(InitialAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode assessment = doc.putObject("initialAssessment");
            assessment.put("assessedAt", instant(e.occurredAt()));
            assessment.put("riskLevel", name(e.riskLevel()));
            assessment.put("emergency", e.emergency());
            assessment.set("notes", sealed(e.notes()));
            doc.put("riskLevel", name(e.riskLevel()));
            doc.put("emergency", e.emergency());
            doc.put("status", CaseStatus.INITIALLY_ASSESSED.name());
        });
    }

    @EventHandler
    void on(EmergencyMeasuresTaken e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode taken = array(doc, "emergencyMeasures").addObject();
            taken.put("takenAt", instant(e.occurredAt()));
            taken.set("measures", json.valueToTree(e.measures() == null ? List.of() : e.measures()));
            taken.set("temporaryRemoval", json.valueToTree(e.temporaryRemoval()));
            taken.set("notes", sealed(e.notes()));
            if (e.temporaryRemoval() != null) {
                doc.set("temporaryRemoval", json.valueToTree(e.temporaryRemoval()));
            }
        });
    }

    @EventHandler
    void on(DetailedAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode assessment = doc.putObject("detailedAssessment");
            assessment.put("assessedAt", instant(e.occurredAt()));
            assessment.put("riskLevel", name(e.riskLevel()));
            assessment.set("findings", sealed(e.findings()));
            doc.put("riskLevel", name(e.riskLevel()));
            doc.put("status", CaseStatus.DETAILED_ASSESSED.name());
        });
    }

    /**
     * A new plan version replaces the interventions shown. Until it is approved, an intervention carried over from
     * the previous version (same id) shows the status its agency last reported, and a new one has none.
     */
    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            JsonNode previous = doc.get("plan");
            Map<String, JsonNode> carried = new HashMap<>();
            if (previous != null && previous.isObject()) {
                previous.get("interventions").values().forEach(i -> carried.put(i.get("interventionId").asString(), i));
            }
            ObjectNode plan = json.createObjectNode();
            plan.put("currentVersion", e.planVersion());
            plan.set("approvedVersion", previous != null && previous.isObject()
                    ? previous.get("approvedVersion") : json.nullNode());
            plan.put("draftedAt", instant(e.occurredAt()));
            plan.set("approvedAt", previous != null && previous.isObject()
                    ? previous.get("approvedAt") : json.nullNode());
            plan.set("goals", sealed(e.goals()));
            ArrayNode interventions = plan.putArray("interventions");
            for (PlannedIntervention planned : e.interventions() == null ? List.<PlannedIntervention>of()
                    : e.interventions()) {
                JsonNode before = carried.get(planned.interventionId());
                ObjectNode intervention = interventions.addObject();
                intervention.put("interventionId", planned.interventionId());
                intervention.put("measure", name(planned.measure()));
                intervention.put("agencyCode", planned.agencyCode());
                intervention.put("dueDate", planned.dueDate().toString());
                intervention.set("description", sealed(planned.description()));
                intervention.set("status", before == null ? json.nullNode() : before.get("status"));
                intervention.set("statusChangedAt", before == null ? json.nullNode() : before.get("statusChangedAt"));
                intervention.set("note", before == null ? json.nullNode() : before.get("note"));
            }
            doc.set("plan", plan);
            doc.put("status", CaseStatus.PLAN_DRAFTED.name());
        });
    }

    /**
     * The commune chair's approval assigns every intervention of that version to its agency, afresh: as in the
     * aggregate, a carried-over intervention starts again at {@code ASSIGNED}.
     */
    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            JsonNode plan = doc.get("plan");
            if (plan instanceof ObjectNode current) {
                current.put("approvedVersion", e.planVersion());
                current.put("approvedAt", instant(e.occurredAt()));
                if (current.get("currentVersion").asInt() == e.planVersion()) {
                    for (JsonNode intervention : current.get("interventions").values()) {
                        ((ObjectNode) intervention).put("status", InterventionStatus.ASSIGNED.name());
                        ((ObjectNode) intervention).put("statusChangedAt", instant(e.occurredAt()));
                    }
                }
            } else {
                log.warn("Case file {}: plan version {} approved before any draft", e.caseId(), e.planVersion());
            }
            doc.put("status", CaseStatus.PLAN_APPROVED.name());
        });
    }

    @EventHandler
    void on(InterventionStatusChanged e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode intervention = intervention(doc, e.interventionId());
            if (intervention == null) {
                log.warn("Case file {}: status of unknown intervention {}", e.caseId(), e.interventionId());
                return;
            }
            intervention.put("status", name(e.newStatus()));
            intervention.put("statusChangedAt", instant(e.occurredAt()));
            intervention.set("note", sealed(e.note()));
        });
    }

    /**
     * A review updates the risk level; re-planning sends the case back to drafting (status
     * {@code DETAILED_ASSESSED}), the other outcomes leave the status as it is.
     */
    @EventHandler
    void on(CaseReviewed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode review = array(doc, "reviews").addObject();
            review.put("reviewedAt", instant(e.occurredAt()));
            review.put("riskLevel", name(e.riskLevel()));
            review.put("outcome", name(e.outcome()));
            review.set("notes", sealed(e.notes()));
            if (e.riskLevel() != null) {
                doc.put("riskLevel", name(e.riskLevel()));
            }
            if (e.outcome() == ReviewOutcome.REPLAN) {
                doc.put("status", CaseStatus.DETAILED_ASSESSED.name());
            }
        });
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode closure = doc.putObject("closure");
            closure.put("reasonCode", e.reasonCode());
            closure.put("closedAt", instant(e.occurredAt()));
            closure.set("notes", sealed(e.notes()));
            closure.put("duplicateOfCaseId", e.duplicateOfCaseId());
            doc.put("status", CaseStatus.CLOSED.name());
        });
    }

    /**
     * A reopened case is no longer closed: its closure moves into the reopening. As in the aggregate, the procedure
     * starts again, so no plan version is approved any more and no intervention is assigned (statuses become null;
     * the agencies' last notes stay).
     */
    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode reopening = array(doc, "reopenings").addObject();
            reopening.put("reopenedAt", instant(e.occurredAt()));
            reopening.set("previousClosure", doc.get("closure") == null ? json.nullNode() : doc.get("closure"));
            reopening.set("reason", sealed(e.reason()));
            doc.putNull("closure");
            if (doc.get("plan") instanceof ObjectNode plan) {
                plan.putNull("approvedVersion");
                plan.putNull("approvedAt");
                for (JsonNode intervention : plan.get("interventions").values()) {
                    ((ObjectNode) intervention).putNull("status");
                    ((ObjectNode) intervention).putNull("statusChangedAt");
                }
            }
            doc.put("status", CaseStatus.REOPENED.name());
        });
    }

    /**
     * A transfer waits for the receiving commune (<i>chuyển vụ việc</i>); the case stays where it is meanwhile.
     */
    @EventHandler
    void on(TransferRequested e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode pending = doc.putObject("pendingTransfer");
            pending.put("fromCommuneCode", e.fromCommuneCode());
            pending.put("toCommuneCode", e.toCommuneCode());
            pending.put("requestedAt", instant(e.occurredAt()));
            pending.set("reason", sealed(e.reason()));
        });
    }

    @EventHandler
    void on(TransferDeclined e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode transfer = decidedTransfer(doc, TransferOutcome.DECLINED, e.occurredAt(), e.fromCommuneCode(),
                    e.toCommuneCode(), null);
            transfer.putNull("transferredAt");
            transfer.set("declineReason", sealed(e.reason()));
        });
    }

    /**
     * The request ended unanswered (the case was closed, or the requesting commune took it back): the commune it was
     * offered to is outside the case again, and the case stays where it is.
     */
    @EventHandler
    void on(TransferWithdrawn e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode transfer = decidedTransfer(doc, TransferOutcome.WITHDRAWN, e.occurredAt(), e.fromCommuneCode(),
                    e.toCommuneCode(), null);
            transfer.putNull("transferredAt");
            transfer.putNull("declineReason");
            transfer.put("withdrawalReason", e.reason().name());
            transfer.set("withdrawalExplanation", sealed(e.explanation()));
        });
    }

    /**
     * The receiving commune accepted (or, in events written before transfers needed acceptance, the case simply
     * moved): it runs the case now, and every commune deadline still open or still late becomes its own, as in the
     * aggregate. An intervention's deadline stays with its agency.
     */
    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode transfer = decidedTransfer(doc, TransferOutcome.ACCEPTED, e.occurredAt(), e.fromCommuneCode(),
                    e.toCommuneCode(), e.reason());
            transfer.put("transferredAt", instant(e.occurredAt()));
            transfer.putNull("declineReason");
            runBy(doc, e.toCommuneCode());
        });
    }

    /**
     * The commune that ran the case ceased in a reorganisation and its successor runs the case now
     * (<i>chuyển tiếp sang đơn vị hành chính mới</i>): as after an accepted transfer, the case and its commune
     * deadlines still open or late are the successor's; the carry-over is listed in {@code carryOvers}, not among
     * the transfers (nobody asked for it).
     */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode carried = array(doc, "carryOvers").addObject();
            carried.put("fromCommuneCode", e.fromCommuneCode());
            carried.put("toCommuneCode", e.toCommuneCode());
            carried.put("carriedOverAt", instant(e.occurredAt()));
            carried.put("legalBasis", e.legalBasis());
            carried.put("chosenByPerson", e.chosenByPerson());
            runBy(doc, e.toCommuneCode());
        });
    }

    /**
     * The case is run by {@code communeCode} from now on: every commune deadline still open or still late becomes
     * its own, as in the aggregate; closed ones stay with who met or missed them, an intervention's with its agency.
     */
    private static void runBy(ObjectNode doc, String communeCode) {
        doc.put("communeCode", communeCode);
        for (JsonNode deadline : array(doc, "deadlines").values()) {
            if (!DeadlineRule.INTERVENTION_DUE.name().equals(deadline.get("rule").asString())
                    && DeadlineState.valueOf(deadline.get("state").asString()).isPending()) {
                ((ObjectNode) deadline).put("responsibleOrgUnit", communeCode);
            }
        }
    }

    /**
     * Adds the decided transfer to the list and clears the pending one; the request's time and reason come from the
     * pending transfer (the decision events do not repeat the reason when the request had one).
     */
    private ObjectNode decidedTransfer(ObjectNode doc, TransferOutcome outcome, Instant decidedAt, String from,
                                       String to, EncryptedText reason) {
        JsonNode pending = doc.get("pendingTransfer");
        boolean requested = pending != null && pending.isObject();
        ObjectNode transfer = array(doc, "transfers").addObject();
        transfer.put("outcome", outcome.name());
        transfer.put("fromCommuneCode", from);
        transfer.put("toCommuneCode", to);
        transfer.set("requestedAt", requested ? pending.get("requestedAt") : json.nullNode());
        transfer.put("decidedAt", instant(decidedAt));
        transfer.set("reason", reason != null ? sealed(reason)
                : requested && pending.has("reason") ? pending.get("reason") : json.nullNode());
        doc.putNull("pendingTransfer");
        return transfer;
    }

    /**
     * The coordinator gave the intervention to another agency: it is that agency's now, ASSIGNED again, with the new
     * due date. The note stays: it is the last one reported on this intervention (often why it was declined).
     */
    @EventHandler
    void on(InterventionReassigned e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode intervention = intervention(doc, e.interventionId());
            if (intervention == null) {
                log.warn("Case file {}: reassignment of unknown intervention {}", e.caseId(), e.interventionId());
                return;
            }
            intervention.put("agencyCode", e.toAgencyCode());
            intervention.put("dueDate", e.dueDate() == null ? null : e.dueDate().toString());
            intervention.put("status", InterventionStatus.ASSIGNED.name());
            intervention.put("statusChangedAt", instant(e.occurredAt()));
        });
    }

    /**
     * A time limit started running. An id scheduled again (not expected) starts afresh.
     */
    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode deadline = deadline(doc, e.deadlineId());
            if (deadline == null) {
                deadline = array(doc, "deadlines").addObject();
            }
            deadline.put("deadlineId", e.deadlineId());
            deadline.put("rule", name(e.rule()));
            deadline.put("dueAt", instant(e.dueAt()));
            deadline.put("responsibleOrgUnit", e.responsibleOrgUnit());
            deadline.put("interventionId", e.interventionId());
            deadline.put("state", DeadlineState.OPEN.name());
            deadline.put("scheduledAt", instant(e.occurredAt()));
            deadline.putNull("missedAt");
            deadline.putNull("fulfilledAt");
            deadline.putNull("withdrawnAt");
            deadline.putNull("withdrawnReason");
            deadline.putNull("recordedLate");
            deadline.putNull("missCorrectedAt");
        });
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode deadline = deadline(doc, e.deadlineId());
            if (deadline == null) {
                log.warn("Case file {}: miss of unknown deadline {}", e.caseId(), e.deadlineId());
                deadline = array(doc, "deadlines").addObject();
                deadline.put("deadlineId", e.deadlineId());
                deadline.put("rule", name(e.rule()));
                deadline.put("interventionId", e.interventionId());
                deadline.putNull("scheduledAt");
                deadline.putNull("fulfilledAt");
                deadline.putNull("withdrawnAt");
                deadline.putNull("withdrawnReason");
            } else if (!DeadlineState.OPEN.name().equals(deadline.get("state").asString())) {
                return;
            }
            deadline.put("dueAt", instant(e.dueAt()));
            deadline.put("responsibleOrgUnit", e.responsibleOrgUnit());
            deadline.put("state", DeadlineState.MISSED.name());
            deadline.put("missedAt", instant(e.occurredAt()));
        });
    }

    /**
     * A recorded miss did not happen: the limit is open again (its miss cleared, the correction's recording instant
     * kept in {@code missCorrectedAt}) until the fulfilment or withdrawal that follows.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode deadline = pendingDeadline(doc, e.caseId(), e.deadlineId());
            if (deadline != null) {
                DeadlineState before = DeadlineState.valueOf(deadline.get("state").asString());
                deadline.put("state", TimeLimitReading.afterMissCorrected(before).name());
                deadline.putNull("missedAt");
                deadline.put("missCorrectedAt", instant(recordedAt));
            }
        });
    }

    /**
     * Met in time or late, as {@link TimeLimitReading} reads the event; whether the step was typed at or after the
     * due instant is kept apart ({@code recordedLate}).
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode deadline = pendingDeadline(doc, e.caseId(), e.deadlineId());
            if (deadline != null) {
                DeadlineState before = DeadlineState.valueOf(deadline.get("state").asString());
                deadline.put("state", TimeLimitReading.afterFulfilment(e, before).name());
                deadline.put("fulfilledAt", instant(e.occurredAt()));
                deadline.put("recordedLate", e.recordedLate());
            }
        });
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode deadline = pendingDeadline(doc, e.caseId(), e.deadlineId());
            if (deadline != null) {
                deadline.put("state", DeadlineState.WITHDRAWN.name());
                deadline.put("withdrawnAt", instant(e.occurredAt()));
                deadline.put("withdrawnReason", e.reason());
            }
        });
    }

    /**
     * A party gave, refused or withdrew consent to disclosure (<i>sự đồng ý</i>, Luật Trẻ em Art 21): its latest
     * record replaces the previous one.
     */
    @EventHandler
    void on(DisclosureConsentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            ObjectNode consents = doc.get("consents") instanceof ObjectNode existing ? existing
                    : doc.putObject("consents");
            if (!consents.has("child")) {
                consents.putNull("child");
            }
            if (!consents.has("guardian")) {
                consents.putNull("guardian");
            }
            ObjectNode consent = consents.putObject(e.party() == ConsentParty.CHILD ? "child" : "guardian");
            consent.put("status", name(e.status()));
            consent.put("recordedAt", instant(e.occurredAt()));
        });
    }

    /**
     * The child's identity was erased (<i>xóa danh tính</i>; the child's key is gone). The document says when, on
     * which legal ground and by which decision, and drops every sealed value it held: they could never be opened
     * again, and keeping them would keep the erased data should an old key ever come back from a backup. A rebuild
     * drops them the same way.
     */
    @EventHandler
    void on(ChildIdentityErased e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            SealedValues.replaceAll(doc, sealed -> json.nullNode());
            doc.put("identityErasedAt", instant(e.occurredAt()));
            doc.put("erasureLegalBasis", e.legalBasis());
            doc.put("erasureAuthorisationReference", e.authorisationReference());
        });
    }

    /**
     * An event this version does not know yet still counts: the case file's version (its ETag, the If-Match of the
     * next command) stays the number of events of the case.
     */
    @EventHandler
    void on(CaseEvent e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
        });
    }

    private ObjectNode intervention(ObjectNode doc, String interventionId) {
        JsonNode plan = doc.get("plan");
        if (plan != null && plan.isObject()) {
            for (JsonNode candidate : plan.get("interventions").values()) {
                if (interventionId.equals(candidate.get("interventionId").asString())) {
                    return (ObjectNode) candidate;
                }
            }
        }
        return null;
    }

    private static ObjectNode deadline(ObjectNode doc, String deadlineId) {
        for (JsonNode candidate : array(doc, "deadlines").values()) {
            if (deadlineId.equals(candidate.get("deadlineId").asString())) {
                return (ObjectNode) candidate;
            }
        }
        return null;
    }

    /**
     * The deadline if it is still open or late (only such a one can be fulfilled or withdrawn), else null.
     */
    private static ObjectNode pendingDeadline(ObjectNode doc, String caseId, String deadlineId) {
        ObjectNode deadline = deadline(doc, deadlineId);
        if (deadline == null) {
            log.warn("Case file {}: unknown deadline {}", caseId, deadlineId);
            return null;
        }
        return DeadlineState.valueOf(deadline.get("state").asString()).isPending() ? deadline : null;
    }

    /**
     * Applies {@code change} to a copy of the case's document as this batch holds it (loaded once per batch), and
     * makes the copy the document the batch writes: a change that throws leaves the batch's document untouched.
     */
    private void update(String caseId, long sequenceNumber, Instant recordedAt, Consumer<ObjectNode> change) {
        long version = sequenceNumber + 1;
        CaseFolds<ObjectNode> batch = batch();
        ObjectNode current = batch.current(caseId);
        if (current == null) {
            log.warn("No case file {} for its event at version {}; the event is skipped", caseId, version);
            return;
        }
        if (current.get("version").asLong() >= version) {
            return;
        }
        ObjectNode doc = current.deepCopy();
        change.accept(doc);
        doc.put("version", version);
        doc.put("updatedAt", recordedAt.toString());
        batch.replace(caseId, doc);
    }

    private CaseFolds<ObjectNode> batch() {
        return CaseFileBatch.of(this, jdbc, json);
    }

    private JsonNode sealed(EncryptedText value) {
        return value == null ? json.nullNode() : json.valueToTree(value);
    }

    private static ArrayNode array(ObjectNode doc, String field) {
        return doc.get(field) instanceof ArrayNode existing ? existing : doc.putArray(field);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * Enum names in declaration order, so a set gives the same document however it was iterated.
     */
    private ArrayNode names(Collection<? extends Enum<?>> values) {
        ArrayNode array = json.createArrayNode();
        if (values != null) {
            values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).forEach(v -> array.add(v.name()));
        }
        return array;
    }

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }
}
