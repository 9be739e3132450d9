package vn.childprotection.casetracker.query.riskregister;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Reads the risk register projection: open cases only.
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
                SELECT case_id, commune_code, category, risk_level, emergency, status, reported_at, updated_at
                FROM risk_register WHERE status <> 'CLOSED'""");
        List<Object> arguments = new ArrayList<>();
        if (communeCode != null) {
            sql.append(" AND commune_code = ?");
            arguments.add(communeCode);
        }
        if (riskLevel != null) {
            sql.append(" AND risk_level = ?");
            arguments.add(riskLevel.name());
        }
        sql.append(" ORDER BY CASE risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END,"
                + " reported_at, case_id");
        return jdbc.query(sql.toString(), (rs, i) -> new RiskRegisterEntry(
                rs.getString("case_id"),
                rs.getString("commune_code"),
                CaseCategory.valueOf(rs.getString("category")),
                rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
                rs.getBoolean("emergency"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()), arguments.toArray());
    }
}
