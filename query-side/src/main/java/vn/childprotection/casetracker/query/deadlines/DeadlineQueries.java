package vn.childprotection.casetracker.query.deadlines;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Reads the deadlines projection.
 */
@Component
public class DeadlineQueries {

    private final JdbcTemplate jdbc;

    public DeadlineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every deadline still late (<i>quá hạn</i>), optionally of the cases of one commune and of the interventions of
     * one agency, the one due first (so the latest) first.
     *
     * @param communeCode the commune that runs the case now, or null for all
     * @param agencyCode  the agency an intervention's deadline belongs to, or null for all
     */
    public List<MissedDeadline> missed(String communeCode, String agencyCode) {
        StringBuilder sql = new StringBuilder("""
                SELECT case_id, deadline_id, rule, due_at, missed_at, responsible_org_unit, intervention_id,
                       commune_code
                FROM case_deadline WHERE state = 'MISSED'""");
        List<Object> arguments = new ArrayList<>();
        if (communeCode != null) {
            sql.append(" AND commune_code = ?");
            arguments.add(communeCode);
        }
        if (agencyCode != null) {
            sql.append(" AND rule = 'INTERVENTION_DUE' AND responsible_org_unit = ?");
            arguments.add(agencyCode);
        }
        sql.append(" ORDER BY due_at, case_id, deadline_id");
        return jdbc.query(sql.toString(), (rs, i) -> new MissedDeadline(
                rs.getString("case_id"),
                rs.getString("deadline_id"),
                DeadlineRule.valueOf(rs.getString("rule")),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("missed_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("missed_at", OffsetDateTime.class).toInstant(),
                rs.getString("responsible_org_unit"),
                rs.getString("intervention_id"),
                rs.getString("commune_code")), arguments.toArray());
    }
}
