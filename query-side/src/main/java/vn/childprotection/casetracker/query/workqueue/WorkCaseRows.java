package vn.childprotection.casetracker.query.workqueue;

import java.sql.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.query.projection.CaseRows;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;

/**
 * How the work-queue projection reads the cases of a batch (three queries for all of them) and writes the changed
 * ones: the {@code work_case} row (unless the table holds a later version), those of its items and draft rows that
 * changed ({@link CaseRows#writeChangedRows}).
 */
final class WorkCaseRows {

    private WorkCaseRows() {
    }

    static void load(JdbcTemplate jdbc, Array ids, BiConsumer<String, WorkCase> found) {
        Map<String, WorkCase> cases = CaseRows.loadHeads(jdbc, "work_case", ids,
                (communeCode, version) -> new WorkCase(communeCode, version, Map.of(), List.of()));
        Map<String, Map<String, WorkCase.Item>> items = new HashMap<>();
        Map<String, List<WorkCase.Draft>> drafts = new HashMap<>();
        jdbc.query("""
                SELECT case_id, intervention_id, commune_code, agency_code, measure, due_date, plan_version, status,
                       assigned_at, status_changed_at, deadline_id, deadline_state
                FROM work_item WHERE case_id = ANY (?) ORDER BY case_id, intervention_id""", rs -> {
            items.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                    new WorkCase.Item(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                            rs.getString(11), rs.getString(12)));
        }, ids);
        jdbc.query("""
                SELECT case_id, intervention_id, plan_version, measure, agency_code, due_date
                FROM work_plan_draft WHERE case_id = ANY (?) ORDER BY case_id, intervention_id""", rs -> {
            drafts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new WorkCase.Draft(rs.getString(2),
                    rs.getInt(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
        }, ids);
        cases.forEach((caseId, c) -> found.accept(caseId, new WorkCase(c.communeCode(), c.version(),
                items.getOrDefault(caseId, Map.of()), drafts.getOrDefault(caseId, List.of()))));
    }

    static void write(ProjectionBatch batch, Map<String, WorkCase> changed, Map<String, WorkCase> asLoaded) {
        CaseRows.writeHeads(batch, "work_case", changed, WorkCase::communeCode, WorkCase::version);
        CaseRows.writeChangedRows(batch, "work_item", "intervention_id", """
                INSERT INTO work_item (case_id, intervention_id, commune_code, agency_code, measure, due_date,
                                       plan_version, status, assigned_at, status_changed_at, deadline_id,
                                       deadline_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changed, asLoaded, c -> c.items().values(),
                WorkCase.Item::interventionId, (caseId, i) -> new Object[] {caseId, i.interventionId(),
                    i.communeCode(), i.agencyCode(), i.measure(), i.dueDate(), i.planVersion(), i.status(),
                    i.assignedAt(), i.statusChangedAt(), i.deadlineId(), i.deadlineState()});
        CaseRows.writeChangedRows(batch, "work_plan_draft", "intervention_id", """
                INSERT INTO work_plan_draft (case_id, intervention_id, plan_version, measure, agency_code, due_date)
                VALUES (?, ?, ?, ?, ?, ?)""", changed, asLoaded, WorkCase::draft, WorkCase.Draft::interventionId,
                (caseId, d) -> new Object[] {caseId, d.interventionId(), d.planVersion(), d.measure(),
                    d.agencyCode(), d.dueDate()});
    }
}
