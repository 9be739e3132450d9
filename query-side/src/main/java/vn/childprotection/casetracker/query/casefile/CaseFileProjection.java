package vn.childprotection.casetracker.query.casefile;

import java.time.Instant;
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
import tools.jackson.databind.json.JsonMapper;
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
 * once (Jackson binds the row's JSON to a {@link CaseFileDocument}), changed by each of its events in turn through
 * the document's intention-named changes, and written once when the batch commits.
 */
@Component
@WritesPerBatch
@ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
public class CaseFileProjection {

    public static final String PROCESSING_GROUP = "case-file";

    private static final Logger log = LoggerFactory.getLogger(CaseFileProjection.class);

    private final JdbcTemplate jdbc;
    private final CaseFileBatch batch;

    public CaseFileProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = new CaseFileBatch(jdbc, json);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_file");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        CaseFolds<CaseFileDocument> folds = batch();
        if (folds.current(e.caseId()) == null) {
            folds.replace(e.caseId(), CaseFileDocument.reported(e, sequenceNumber + 1, recordedAt));
        }
    }

    @EventHandler
    void on(InitialAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.initialAssessmentRecorded(e));
    }

    @EventHandler
    void on(EmergencyMeasuresTaken e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.emergencyMeasuresTaken(e));
    }

    @EventHandler
    void on(DetailedAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.detailedAssessmentRecorded(e));
    }

    /**
     * A new plan version replaces the interventions shown. Until it is approved, an intervention carried over from
     * the previous version (same id) shows the status its agency last reported, and a new one has none.
     */
    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.planDrafted(e));
    }

    /**
     * The commune chair's approval assigns every intervention of that version to its agency, afresh: as in the
     * aggregate, a carried-over intervention starts again at {@code ASSIGNED}.
     */
    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            if (!doc.planApproved(e)) {
                log.warn("Case file {}: plan version {} approved before any draft", e.caseId(), e.planVersion());
            }
        });
    }

    @EventHandler
    void on(InterventionStatusChanged e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            if (!doc.interventionStatusChanged(e)) {
                log.warn("Case file {}: status of unknown intervention {}", e.caseId(), e.interventionId());
            }
        });
    }

    /**
     * A review updates the risk level; re-planning sends the case back to drafting (status
     * {@code DETAILED_ASSESSED}), the other outcomes leave the status as it is.
     */
    @EventHandler
    void on(CaseReviewed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.reviewed(e));
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.closed(e));
    }

    /**
     * A reopened case is no longer closed: its closure moves into the reopening. As in the aggregate, the procedure
     * starts again, so no plan version is approved any more and no intervention is assigned (statuses become null;
     * the agencies' last notes stay).
     */
    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.reopened(e));
    }

    /**
     * A transfer waits for the receiving commune (<i>chuyển vụ việc</i>); the case stays where it is meanwhile.
     */
    @EventHandler
    void on(TransferRequested e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.transferRequested(e));
    }

    @EventHandler
    void on(TransferDeclined e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.transferDeclined(e));
    }

    /**
     * The request ended unanswered (the case was closed, or the requesting commune took it back): the commune it was
     * offered to is outside the case again, and the case stays where it is.
     */
    @EventHandler
    void on(TransferWithdrawn e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.transferWithdrawn(e));
    }

    /**
     * The receiving commune accepted (or, in events written before transfers needed acceptance, the case simply
     * moved): it runs the case now, and every commune deadline still open or still late becomes its own, as in the
     * aggregate. An intervention's deadline stays with its agency.
     */
    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.transferred(e));
    }

    /**
     * The commune that ran the case ceased in a reorganisation and its successor runs the case now
     * (<i>chuyển tiếp sang đơn vị hành chính mới</i>): as after an accepted transfer, the case and its commune
     * deadlines still open or late are the successor's; the carry-over is listed in {@code carryOvers}, not among
     * the transfers (nobody asked for it).
     */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.carriedOver(e));
    }

    /**
     * The coordinator gave the intervention to another agency: it is that agency's now, ASSIGNED again, with the new
     * due date. The note stays: it is the last one reported on this intervention (often why it was declined).
     */
    @EventHandler
    void on(InterventionReassigned e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            if (!doc.interventionReassigned(e)) {
                log.warn("Case file {}: reassignment of unknown intervention {}", e.caseId(), e.interventionId());
            }
        });
    }

    /**
     * A time limit started running. An id scheduled again (not expected) starts afresh.
     */
    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.deadlineScheduled(e));
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> {
            if (!doc.deadlineMissed(e)) {
                log.warn("Case file {}: miss of unknown deadline {}", e.caseId(), e.deadlineId());
            }
        });
    }

    /**
     * A recorded miss did not happen: the limit is open again (its miss cleared, the correction's recording instant
     * kept in {@code missCorrectedAt}) until the fulfilment or withdrawal that follows.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt,
                doc -> known(e.caseId(), e.deadlineId(), doc.deadlineMissCorrected(e, recordedAt)));
    }

    /**
     * Met in time or late, as {@link TimeLimitReading} reads the event; whether the step was typed at or after the
     * due instant is kept apart ({@code recordedLate}).
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt,
                doc -> known(e.caseId(), e.deadlineId(), doc.deadlineFulfilled(e)));
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt,
                doc -> known(e.caseId(), e.deadlineId(), doc.deadlineWithdrawn(e)));
    }

    /**
     * A party gave, refused or withdrew consent to disclosure (<i>sự đồng ý</i>, Luật Trẻ em Art 21): its latest
     * record replaces the previous one.
     */
    @EventHandler
    void on(DisclosureConsentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.consentRecorded(e));
    }

    /**
     * The child's identity was erased (<i>xóa danh tính</i>; the child's key is gone). The document says when, on
     * which legal ground and by which decision, and drops every sealed value it held: they could never be opened
     * again, and keeping them would keep the erased data should an old key ever come back from a backup. A rebuild
     * drops them the same way.
     */
    @EventHandler
    void on(ChildIdentityErased e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        update(e.caseId(), sequenceNumber, recordedAt, doc -> doc.identityErased(e));
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

    private static void known(String caseId, String deadlineId, boolean known) {
        if (!known) {
            log.warn("Case file {}: unknown deadline {}", caseId, deadlineId);
        }
    }

    /**
     * Applies {@code change} to a copy of the case's document as this batch holds it (loaded once per batch; the copy
     * shares the document's immutable parts, so it costs a few references), and makes the copy the document the batch
     * writes: a change that throws leaves the batch's document untouched.
     */
    private void update(String caseId, long sequenceNumber, Instant recordedAt,
                        Consumer<CaseFileDocument> change) {
        long version = sequenceNumber + 1;
        CaseFolds<CaseFileDocument> folds = batch();
        CaseFileDocument current = folds.current(caseId);
        if (current == null) {
            log.warn("No case file {} for its event at version {}; the event is skipped", caseId, version);
            return;
        }
        if (current.version() >= version) {
            return;
        }
        CaseFileDocument doc = current.copy();
        change.accept(doc);
        doc.counted(version, recordedAt);
        folds.replace(caseId, doc);
    }

    private CaseFolds<CaseFileDocument> batch() {
        return batch.of(this);
    }
}
