package vn.childprotection.casetracker.query.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the open cases of the risk register (<i>sổ theo dõi nguy cơ</i>) by commune, risk level and category: the
 * raw numbers, before any suppression. Never leaves this package unsuppressed.
 */
@Component
class OpenCaseCounts {

    static final String UNASSESSED = "UNASSESSED";

    private final JdbcTemplate jdbc;

    OpenCaseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param commune one commune, or null for all
     * @return count per commune code, then per "riskLevel/category" key
     */
    Map<String, Map<String, Long>> count(String commune) {
        StringBuilder sql = new StringBuilder("SELECT commune_code, COALESCE(risk_level, '" + UNASSESSED
                + "') AS risk_level, category, count(*) AS open_cases FROM risk_register WHERE status <> 'CLOSED'");
        List<Object> arguments = new ArrayList<>();
        if (commune != null) {
            sql.append(" AND commune_code = ?");
            arguments.add(commune);
        }
        sql.append(" GROUP BY commune_code, COALESCE(risk_level, '" + UNASSESSED + "'), category");
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            counts.computeIfAbsent(rs.getString("commune_code"), c -> new HashMap<>())
                    .put(key(rs.getString("risk_level"), rs.getString("category")), rs.getLong("open_cases"));
        }, arguments.toArray());
        return counts;
    }

    static String key(String riskLevel, String category) {
        return riskLevel + "/" + category;
    }
}
