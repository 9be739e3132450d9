package vn.childprotection.casetracker.query.riskregister;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Reads the risk register projection: open cases only. The next deadline and the overdue flag come from the
 * deadlines projection's {@code case_deadline}, joined when read: each projection writes only its own table, and a
 * read may combine them.
 */
@Component
public class RiskRegisterQueries {

    private final JdbcTemplate jdbc;

    public RiskRegisterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open cases, optionally of one commune and one risk level, ordered by risk (high first, unassessed last), then
     * by when they were reported.
     */
    public List<RiskRegisterEntry> openCases(String communeCode, RiskLevel riskLevel) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.case_id, r.commune_code, r.category, r.risk_level, r.emergency, r.status, r.reported_at,
                       r.updated_at, n.deadline_id AS next_deadline_id, n.rule AS next_rule,
                       n.due_at AS next_due_at, n.responsible_org_unit AS next_responsible_org_unit,
                       EXISTS (SELECT 1 FROM case_deadline m WHERE m.case_id = r.case_id AND m.state = 'MISSED')
                           AS overdue
                FROM risk_register r
                LEFT JOIN LATERAL (SELECT d.deadline_id, d.rule, d.due_at, d.responsible_org_unit
                                   FROM case_deadline d WHERE d.case_id = r.case_id AND d.state = 'OPEN'
                                   ORDER BY d.due_at, d.deadline_id LIMIT 1) n ON TRUE
                WHERE r.status <> 'CLOSED'""");
        List<Object> arguments = new ArrayList<>();
        if (communeCode != null) {
            sql.append(" AND r.commune_code = ?");
            arguments.add(communeCode);
        }
        if (riskLevel != null) {
            sql.append(" AND r.risk_level = ?");
            arguments.add(riskLevel.name());
        }
        sql.append(" ORDER BY CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3"
                + " END, r.reported_at, r.case_id");
        return jdbc.query(sql.toString(), (rs, i) -> new RiskRegisterEntry(
                rs.getString("case_id"),
                rs.getString("commune_code"),
                CaseCategory.valueOf(rs.getString("category")),
                rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
                rs.getBoolean("emergency"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("next_deadline_id") == null ? null : new NextDeadline(
                        rs.getString("next_deadline_id"),
                        DeadlineRule.valueOf(rs.getString("next_rule")),
                        rs.getObject("next_due_at", OffsetDateTime.class).toInstant(),
                        rs.getString("next_responsible_org_unit")),
                rs.getBoolean("overdue")), arguments.toArray());
    }
}
