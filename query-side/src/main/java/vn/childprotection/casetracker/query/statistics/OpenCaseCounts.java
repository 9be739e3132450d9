package vn.childprotection.casetracker.query.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.riskregister.RegisterCounts;

/**
 * The open cases of the risk register (<i>sổ theo dõi nguy cơ</i>) by commune, risk level and category: the raw
 * numbers, before any suppression. Read from the counts the risk register projection keeps ({@code open_case_count}
 * of migration {@code V3_13}, see {@link RegisterCounts}), a few rows per commune whatever the number of cases, equal
 * to a count of the open cases of {@code risk_register}. Never leaves this package unsuppressed.
 */
@Component
class OpenCaseCounts {

    static final String UNASSESSED = RegisterCounts.UNASSESSED;

    private final JdbcTemplate jdbc;

    OpenCaseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param commune one commune, or null for all
     * @return count per commune code, then per "riskLevel/category" key; communes and cells without open cases left
     *         out
     */
    Map<String, Map<String, Long>> count(String commune) {
        StringBuilder sql = new StringBuilder("SELECT commune_code, risk_level, category, open_cases "
                + "FROM open_case_count WHERE open_cases > 0");
        List<Object> arguments = new ArrayList<>();
        if (commune != null) {
            sql.append(" AND commune_code = ?");
            arguments.add(commune);
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query(sql.toString(), rs -> {
            counts.computeIfAbsent(rs.getString("commune_code"), c -> new HashMap<>())
                    .merge(key(rs.getString("risk_level"), rs.getString("category")), rs.getLong("open_cases"),
                            Long::sum);
        }, arguments.toArray());
        return counts;
    }

    static String key(String riskLevel, String category) {
        return riskLevel + "/" + category;
    }
}
