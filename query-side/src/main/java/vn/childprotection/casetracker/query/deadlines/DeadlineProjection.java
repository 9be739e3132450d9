package vn.childprotection.casetracker.query.deadlines;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.CaseFolds;
import vn.childprotection.casetracker.query.projection.CaseRows;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;

/**
 * Keeps the time limits of the procedure (<i>thời hạn</i>, Decree 56/2017 Chapter III) in {@code case_deadline}: one
 * row per deadline of a case with its state ({@link DeadlineState}), who must meet it and the commune that runs the
 * case now. The risk register and the overdue register (<i>quá hạn</i>) read it.
 * <p>
 * The case's commune comes from {@code CaseReported}, {@code CaseTransferred} and {@code CaseCarriedOver}, kept in
 * {@code deadline_case}. An accepted transfer (or a carry-over to a successor commune) makes every commune deadline
 * still running or still late the new commune's responsibility; no event says so per deadline, so this projection
 * moves them. An intervention's deadline stays with its agency.
 * <p>
 * {@code deadline_case.version} is the version (sequence number + 1) of the last event of the case applied here: an
 * event delivered again is ignored. A reset empties both tables and the replay rebuilds them.
 * <p>
 * A case and its deadlines are folded in memory over a batch of events ({@link DeadlineCase}, {@link CaseFolds}) and
 * written once per batch, with the counts of late deadlines per commune and agency that the batch changed
 * ({@code late_deadline_count}, {@link LateDeadlineCounts}).
 */
@Component
@WritesPerBatch
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
public class DeadlineProjection {

    public static final String PROCESSING_GROUP = "deadlines";

    private static final Logger log = LoggerFactory.getLogger(DeadlineProjection.class);

    private final JdbcTemplate jdbc;

    public DeadlineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM case_deadline");
        jdbc.update("DELETE FROM deadline_case");
        jdbc.update("DELETE FROM late_deadline_count");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber) {
        CaseFolds<DeadlineCase> cases = cases();
        if (cases.current(e.caseId()) == null) {
            cases.replace(e.caseId(), new DeadlineCase(e.communeCode(), sequenceNumber + 1, Map.of()));
        }
    }

    /**
     * The receiving commune accepted the case: its commune deadlines still open or still late become its own.
     */
    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    /**
     * The case's commune ceased in a reorganisation and its successor runs the case now: as after an accepted
     * transfer, its commune deadlines still open or still late become the successor's, and the overdue register
     * counts them there.
     */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    private void runBy(String caseId, long sequenceNumber, String communeCode) {
        apply(caseId, sequenceNumber, c -> c.runBy(communeCode, row -> row.runBy(communeCode,
                !DeadlineRule.INTERVENTION_DUE.name().equals(row.rule()) && row.pending())));
    }

    /**
     * A time limit started running. An id scheduled again (not expected) starts afresh, with the commune it had.
     */
    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            DeadlineCase.Row before = c.deadlines().get(e.deadlineId());
            return c.withRow(new DeadlineCase.Row(e.deadlineId(), e.rule().name(), utc(e.dueAt()),
                    e.responsibleOrgUnit(), e.interventionId(), before == null ? c.communeCode() : before.communeCode(),
                    "OPEN", utc(e.occurredAt()), null, null, null, null));
        });
    }

    /**
     * A miss (recorded by the service itself) also says who had to meet the limit at that moment. A miss without a
     * scheduled row (not expected) still creates one, so the overdue register never loses a late item.
     */
    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            DeadlineCase.Row before = c.deadlines().get(e.deadlineId());
            if (before == null) {
                return c.withRow(new DeadlineCase.Row(e.deadlineId(), e.rule().name(), utc(e.dueAt()),
                        e.responsibleOrgUnit(), e.interventionId(), c.communeCode(), "MISSED", null,
                        utc(e.occurredAt()), null, null, null));
            }
            return "OPEN".equals(before.state())
                    ? c.withRow(before.missed(utc(e.dueAt()), e.responsibleOrgUnit(), utc(e.occurredAt()))) : c;
        });
    }

    /**
     * The miss did not happen (the step that met or ended the limit is dated before it was due): the limit is open
     * again and leaves the overdue register; the fulfilment or withdrawal that follows ends it.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            DeadlineCase.Row before = c.deadlines().get(e.deadlineId());
            return before != null && "MISSED".equals(before.state()) ? c.withRow(before.missCorrected(
                    TimeLimitReading.afterMissCorrected(DeadlineState.MISSED).name())) : c;
        });
    }

    /**
     * Met in time (MET) or late (FULFILLED_LATE), as {@link TimeLimitReading} reads the event.
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            DeadlineCase.Row before = c.deadlines().get(e.deadlineId());
            if (before == null || !before.pending()) {
                return c;
            }
            DeadlineState state = DeadlineState.valueOf(before.state());
            return c.withRow(before.fulfilled(TimeLimitReading.afterFulfilment(e, state).name(),
                    utc(e.occurredAt())));
        });
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            DeadlineCase.Row before = c.deadlines().get(e.deadlineId());
            return before != null && before.pending()
                    ? c.withRow(before.withdrawn(utc(e.occurredAt()), e.reason())) : c;
        });
    }

    /**
     * Applies the case's event at this sequence number unless it already was, or the case was never reported here
     * (then the event is skipped with a warning).
     */
    private void apply(String caseId, long sequenceNumber, UnaryOperator<DeadlineCase> change) {
        long version = sequenceNumber + 1;
        CaseFolds<DeadlineCase> cases = cases();
        DeadlineCase current = cases.current(caseId);
        if (current == null) {
            log.warn("No reported case {} for its event at version {}; the event is skipped", caseId, version);
            return;
        }
        if (current.version() < version) {
            cases.replace(caseId, change.apply(current.atVersion(version)));
        }
    }

    private CaseFolds<DeadlineCase> cases() {
        return CaseFolds.of(this, jdbc, DeadlineProjection::load, DeadlineProjection::write);
    }

    private static void load(JdbcTemplate jdbc, Array ids, BiConsumer<String, DeadlineCase> found) {
        Map<String, DeadlineCase> cases = CaseRows.loadHeads(jdbc, "deadline_case", ids,
                (communeCode, version) -> new DeadlineCase(communeCode, version, new LinkedHashMap<>()));
        jdbc.query("""
                SELECT case_id, deadline_id, rule, due_at, responsible_org_unit, intervention_id, commune_code, state,
                       scheduled_at, missed_at, fulfilled_at, withdrawn_at, withdrawn_reason
                FROM case_deadline WHERE case_id = ANY (?) ORDER BY case_id, coalesce(scheduled_at, missed_at)""",
                rs -> {
                    DeadlineCase c = cases.get(rs.getString(1));
                    if (c != null) {
                        c.deadlines().put(rs.getString(2), new DeadlineCase.Row(rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
                                rs.getObject(12, OffsetDateTime.class), rs.getString(13)));
                    }
                }, ids);
        cases.forEach(found);
    }

    /**
     * Each changed case's rows are written: its {@code deadline_case} row (unless the table holds a later
     * version), and those of its {@code case_deadline} rows that changed ({@link CaseRows#writeChangedRows}); then
     * the counts of late deadlines change by what the case's rows changed ({@link LateDeadlineCounts}).
     */
    private static void write(ProjectionBatch batch, Map<String, DeadlineCase> changed,
                              Map<String, DeadlineCase> asLoaded) {
        CaseRows.writeHeads(batch, "deadline_case", changed, DeadlineCase::communeCode, DeadlineCase::version);
        CaseRows.writeChangedRows(batch, "case_deadline", "deadline_id", """
                INSERT INTO case_deadline (case_id, deadline_id, rule, due_at, responsible_org_unit, intervention_id,
                                           commune_code, state, scheduled_at, missed_at, fulfilled_at, withdrawn_at,
                                           withdrawn_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changed, asLoaded, c -> c.deadlines().values(),
                DeadlineCase.Row::deadlineId, (caseId, row) -> new Object[] {caseId, row.deadlineId(), row.rule(),
                    row.dueAt(), row.responsibleOrgUnit(), row.interventionId(), row.communeCode(), row.state(),
                    row.scheduledAt(), row.missedAt(), row.fulfilledAt(), row.withdrawnAt(), row.withdrawnReason()});
        LateDeadlineCounts.write(batch, changed, asLoaded);
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
