package vn.childprotection.casetracker.query.tally;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tests' oracle for the counts the projections keep: a {@code GROUP BY} over the rows they count, written here
 * apart from the code under test, compared with the kept counts in one statement per table (one snapshot, so a batch
 * committing meanwhile cannot make them differ).
 */
public final class KeptCountsOracle {

    private static final String LATE_DIFFERENCES = """
            SELECT commune_code || ' ' || agency_code || ': kept ' || coalesce(k.late, 0)
                   || ', rows ' || coalesce(o.late, 0)
            FROM late_deadline_count k
            FULL JOIN (SELECT commune_code,
                              CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit ELSE '' END AS agency_code,
                              count(*) AS late
                       FROM case_deadline WHERE state = 'MISSED' GROUP BY 1, 2) o USING (commune_code, agency_code)
            WHERE k.late IS DISTINCT FROM o.late""";
    private static final String OPEN_DIFFERENCES = """
            SELECT commune_code || ' ' || risk_level || ' ' || category || ': kept ' || coalesce(k.open_cases, 0)
                   || ', rows ' || coalesce(o.open_cases, 0)
            FROM open_case_count k
            FULL JOIN (SELECT commune_code, COALESCE(risk_level, 'UNASSESSED') AS risk_level, category,
                              count(*) AS open_cases
                       FROM risk_register WHERE status <> 'CLOSED' GROUP BY 1, 2, 3) o
                USING (commune_code, risk_level, category)
            WHERE k.open_cases IS DISTINCT FROM o.open_cases""";

    private KeptCountsOracle() {
    }

    /**
     * Every group whose kept count differs from the number of its rows (a kept zero and a group without rows
     * differ too), as "group: kept n, rows m"; empty when the counts are exact.
     */
    public static List<String> differences(JdbcTemplate jdbc) {
        List<String> differences = new ArrayList<>(jdbc.queryForList(LATE_DIFFERENCES, String.class));
        differences.addAll(jdbc.queryForList(OPEN_DIFFERENCES, String.class));
        return differences;
    }
}
