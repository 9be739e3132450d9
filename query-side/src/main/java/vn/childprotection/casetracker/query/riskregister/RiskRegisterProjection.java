package vn.childprotection.casetracker.query.riskregister;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.ReviewOutcome;

/**
 * Keeps the risk register (<i>sổ theo dõi nguy cơ</i>): one row per case with its commune, category, risk level,
 * emergency flag and status.
 * <p>
 * A closed case keeps its row with status {@code CLOSED}, and the register leaves it out; a reopening sets the
 * status again. So the row never has to be rebuilt from another projection. Each row records the version of the
 * last event applied to it, and an update for an older event is ignored, so an event delivered again changes
 * nothing.
 */
@Component
@ProcessingGroup(RiskRegisterProjection.PROCESSING_GROUP)
public class RiskRegisterProjection {

    public static final String PROCESSING_GROUP = "risk-register";

    private final JdbcTemplate jdbc;

    public RiskRegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM risk_register");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO risk_register (case_id, commune_code, category, risk_level, emergency, status,
                                           reported_at, updated_at, version)
                VALUES (?, ?, ?, NULL, FALSE, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO NOTHING""",
                e.caseId(), e.communeCode(), e.category().name(), CaseStatus.REPORTED.name(), utc(e.occurredAt()),
                utc(recordedAt), sequenceNumber + 1);
    }

    @EventHandler
    void on(InitialAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "risk_level = ?, emergency = ?, status = ?",
                e.riskLevel().name(), e.emergency(), CaseStatus.INITIALLY_ASSESSED.name());
    }

    @EventHandler
    void on(DetailedAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "risk_level = ?, status = ?",
                e.riskLevel().name(), CaseStatus.DETAILED_ASSESSED.name());
    }

    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "status = ?", CaseStatus.PLAN_DRAFTED.name());
    }

    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "status = ?", CaseStatus.PLAN_APPROVED.name());
    }

    @EventHandler
    void on(CaseReviewed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        if (e.outcome() == ReviewOutcome.REPLAN) {
            change(e.caseId(), sequenceNumber, recordedAt, "risk_level = ?, status = ?",
                    e.riskLevel().name(), CaseStatus.DETAILED_ASSESSED.name());
        } else {
            change(e.caseId(), sequenceNumber, recordedAt, "risk_level = ?", e.riskLevel().name());
        }
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "status = ?", CaseStatus.CLOSED.name());
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, "status = ?", CaseStatus.REOPENED.name());
    }

    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, recordedAt, e.toCommuneCode());
    }

    /** Carried over to the successor of its ceased commune: the successor's register lists it, as after a transfer. */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        runBy(e.caseId(), sequenceNumber, recordedAt, e.toCommuneCode());
    }

    private void runBy(String caseId, long sequenceNumber, Instant recordedAt, String communeCode) {
        change(caseId, sequenceNumber, recordedAt, "commune_code = ?", communeCode);
    }

    /**
     * Sets the given columns (a fixed clause from this class, never input) unless the row already holds a later
     * event.
     */
    private void change(String caseId, long sequenceNumber, Instant recordedAt, String assignments,
                        Object... values) {
        long version = sequenceNumber + 1;
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.addAll(List.of(utc(recordedAt), version, caseId, version));
        jdbc.update("UPDATE risk_register SET " + assignments + ", updated_at = ?, version = ? "
                + "WHERE case_id = ? AND version < ?", arguments.toArray());
    }

    private static OffsetDateTime utc(Instant value) {
        return value.atOffset(ZoneOffset.UTC);
    }
}
