package vn.childprotection.casetracker.query.riskregister;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.CaseFolds;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
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
 * nothing. The rows are folded in memory over a batch of events and written once per batch ({@link CaseFolds}), with
 * the counts of open cases per commune, risk level and category that the batch changed ({@code open_case_count},
 * {@link RegisterCounts}).
 */
@Component
@WritesPerBatch
@ProcessingGroup(RiskRegisterProjection.PROCESSING_GROUP)
public class RiskRegisterProjection {

    public static final String PROCESSING_GROUP = "risk-register";

    private static final String READ = """
            SELECT case_id, commune_code, category, risk_level, emergency, status, reported_at, updated_at, version
            FROM risk_register WHERE case_id = ANY (?)""";

    private static final String WRITE = """
            INSERT INTO risk_register (case_id, commune_code, category, risk_level, emergency, status, reported_at,
                                       updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, category = EXCLUDED.category,
                risk_level = EXCLUDED.risk_level, emergency = EXCLUDED.emergency, status = EXCLUDED.status,
                reported_at = EXCLUDED.reported_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE risk_register.version < EXCLUDED.version""";

    private final JdbcTemplate jdbc;

    public RiskRegisterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM risk_register");
        jdbc.update("DELETE FROM open_case_count");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        CaseFolds<RiskRegisterRow> rows = rows();
        if (rows.current(e.caseId()) == null) {
            rows.replace(e.caseId(), new RiskRegisterRow(e.communeCode(), e.category().name(), null, false,
                    CaseStatus.REPORTED.name(), utc(e.occurredAt()), utc(recordedAt), sequenceNumber + 1));
        }
    }

    @EventHandler
    void on(InitialAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withRiskLevel(e.riskLevel().name())
                .withEmergency(e.emergency()).withStatus(CaseStatus.INITIALLY_ASSESSED.name()));
    }

    @EventHandler
    void on(DetailedAssessmentRecorded e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withRiskLevel(e.riskLevel().name())
                .withStatus(CaseStatus.DETAILED_ASSESSED.name()));
    }

    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withStatus(CaseStatus.PLAN_DRAFTED.name()));
    }

    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withStatus(CaseStatus.PLAN_APPROVED.name()));
    }

    @EventHandler
    void on(CaseReviewed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        if (e.outcome() == ReviewOutcome.REPLAN) {
            change(e.caseId(), sequenceNumber, recordedAt, row -> row.withRiskLevel(e.riskLevel().name())
                    .withStatus(CaseStatus.DETAILED_ASSESSED.name()));
        } else {
            change(e.caseId(), sequenceNumber, recordedAt, row -> row.withRiskLevel(e.riskLevel().name()));
        }
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withStatus(CaseStatus.CLOSED.name()));
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.withStatus(CaseStatus.REOPENED.name()));
    }

    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.runBy(e.toCommuneCode()));
    }

    /** Carried over to the successor of its ceased commune: the successor's register lists it, as after a transfer. */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber, @Timestamp Instant recordedAt) {
        change(e.caseId(), sequenceNumber, recordedAt, row -> row.runBy(e.toCommuneCode()));
    }

    /**
     * Changes the case's row unless it already holds this event or a later one (or the case was never reported).
     */
    private void change(String caseId, long sequenceNumber, Instant recordedAt, UnaryOperator<RiskRegisterRow> change) {
        long version = sequenceNumber + 1;
        CaseFolds<RiskRegisterRow> rows = rows();
        RiskRegisterRow row = rows.current(caseId);
        if (row != null && row.version() < version) {
            rows.replace(caseId, change.apply(row).appliedAt(utc(recordedAt), version));
        }
    }

    private CaseFolds<RiskRegisterRow> rows() {
        return CaseFolds.of(this, jdbc, READ, (rs, i) -> new RiskRegisterRow(rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getLong(9)),
                (CaseFolds.Writer<RiskRegisterRow>) this::write);
    }

    /**
     * Each changed case's row is written (unless the table holds a later version, which a case's own segment never
     * leaves), then the counts of open cases change by what the rows changed ({@link RegisterCounts}).
     */
    private void write(ProjectionBatch batch, Map<String, RiskRegisterRow> changed,
                       Map<String, RiskRegisterRow> asLoaded) {
        changed.forEach((caseId, row) -> batch.add(WRITE, caseId, row.communeCode(), row.category(), row.riskLevel(),
                row.emergency(), row.status(), row.reportedAt(), row.updatedAt(), row.version()));
        RegisterCounts.write(batch, changed, asLoaded);
    }

    private static OffsetDateTime utc(Instant value) {
        return value.atOffset(ZoneOffset.UTC);
    }
}
