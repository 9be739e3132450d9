package vn.childprotection.casetracker.query.riskregister;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Reads the risk register projection: open cases only, a page at a time, in one total order: risk rank (HIGH 0,
 * MEDIUM 1, LOW 2, not assessed 3), then when reported, then case id. Each order is an index of migration
 * {@code V3_10} ({@code risk_register_page_idx}, {@code risk_register_commune_page_idx}), whose rank expression
 * {@link #RANK} repeats exactly. The next deadline and the overdue flag come from the deadlines projection's
 * {@code case_deadline}, joined when read for the rows of the page only (a lateral probe per row by case id, which
 * the planner cannot turn into a scan of every missed deadline; the overdue probe through the partial index of missed
 * deadlines by case of {@code V3_17}): each projection writes only its own table, and a read may combine them.
 */
@Component
public class RiskRegisterQueries {

    /** The risk rank as the page indexes compute it. */
    static final String RANK = "(CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 "
            + "ELSE 3 END)";
    /** The rank of a case not assessed yet. */
    static final int UNASSESSED = 3;

    /** The register's order; its page indexes end with these three. */
    private static final KeysetQuery ORDER = KeysetQuery.ascending(RANK, "r.reported_at", "r.case_id");

    private final JdbcTemplate jdbc;

    public RiskRegisterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} open cases, optionally of one commune and one risk level, in the register's order, after
     * the case whose sort key {@code after} holds (rank, reported at, case id; see {@link #key}).
     */
    public List<RiskRegisterEntry> page(String communeCode, RiskLevel riskLevel, Optional<CursorKey> after,
                                        int rows) {
        List<Object> arguments = new ArrayList<>();
        KeysetQuery.Statement open = ORDER.page("SELECT * FROM risk_register r",
                conditions(communeCode, riskLevel, arguments), arguments, after,
                key -> List.of(key.number(0, 0, UNASSESSED), key.instant(1).atOffset(ZoneOffset.UTC), key.id(2)),
                rows);
        String sql = """
                SELECT r.case_id, r.commune_code, r.category, r.risk_level, r.emergency, r.status, r.reported_at,
                       r.updated_at, n.deadline_id AS next_deadline_id, n.rule AS next_rule,
                       n.due_at AS next_due_at, n.responsible_org_unit AS next_responsible_org_unit,
                       m.missed IS NOT NULL AS overdue
                FROM (""" + open.sql() + """
                ) r
                LEFT JOIN LATERAL (SELECT d.deadline_id, d.rule, d.due_at, d.responsible_org_unit
                                   FROM case_deadline d WHERE d.case_id = r.case_id AND d.state = 'OPEN'
                                   ORDER BY d.due_at, d.deadline_id LIMIT 1) n ON TRUE
                LEFT JOIN LATERAL (SELECT TRUE AS missed FROM case_deadline m
                                   WHERE m.case_id = r.case_id AND m.state = 'MISSED' LIMIT 1) m ON TRUE"""
                + ORDER.orderBy();
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
                rs.getBoolean("overdue")), open.values());
    }

    /**
     * How many open cases each commune has, with the same filters as {@link #page} (the risk level matched by its
     * column, which is what the rank stands for); communes without any are left out. Read from the counts the
     * projection keeps per commune, risk level and category ({@code open_case_count} of migration {@code V3_13},
     * see {@link RegisterCounts}): a few rows per commune whatever the number of cases, equal to what a count of the
     * rows {@link #page} reads would give.
     */
    public Map<String, Long> countsByCommune(String communeCode, RiskLevel riskLevel) {
        List<Object> arguments = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (communeCode != null) {
            conditions.add("commune_code = ?");
            arguments.add(communeCode);
        }
        if (riskLevel != null) {
            conditions.add("risk_level = ?");
            arguments.add(riskLevel.name());
        }
        String sql = "SELECT commune_code, open_cases FROM open_case_count" + KeysetQuery.where(conditions);
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            if (rs.getLong("open_cases") > 0) {
                counts.merge(rs.getString("commune_code"), rs.getLong("open_cases"), Long::sum);
            }
        }, arguments.toArray());
        return counts;
    }

    /**
     * The sort key of an entry as its cursor carries it: rank, reported at, case id.
     */
    static List<String> key(RiskRegisterEntry entry) {
        return List.of(Integer.toString(rank(entry.riskLevel())), CursorKey.text(entry.reportedAt()),
                entry.caseId());
    }

    private static int rank(RiskLevel level) {
        if (level == null) {
            return UNASSESSED;
        }
        return switch (level) {
            case HIGH -> 0;
            case MEDIUM -> 1;
            case LOW -> 2;
        };
    }

    /**
     * The filters: fixed text from this class, values only as arguments. A risk level is matched by its rank, so the
     * page indexes serve it.
     */
    private static List<String> conditions(String communeCode, RiskLevel riskLevel, List<Object> arguments) {
        List<String> conditions = new ArrayList<>(List.of("r.status <> 'CLOSED'"));
        if (communeCode != null) {
            conditions.add("r.commune_code = ?");
            arguments.add(communeCode);
        }
        if (riskLevel != null) {
            conditions.add(RANK + " = ?");
            arguments.add(rank(riskLevel));
        }
        return conditions;
    }
}
