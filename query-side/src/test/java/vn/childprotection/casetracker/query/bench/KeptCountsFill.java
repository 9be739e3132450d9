package vn.childprotection.casetracker.query.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For benchmarks that write projection rows straight into the tables: fills the counts the projections keep
 * ({@code late_deadline_count}, {@code open_case_count}) again from every row, as migration V3_13 fills them, so the
 * answers that read them count those rows too.
 */
final class KeptCountsFill {

    private KeptCountsFill() {
    }

    static void refill(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM late_deadline_count");
        jdbc.update("""
                INSERT INTO late_deadline_count (commune_code, agency_code, late)
                SELECT commune_code, CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit ELSE '' END,
                       count(*)
                FROM case_deadline WHERE state = 'MISSED' GROUP BY 1, 2""");
        jdbc.update("DELETE FROM open_case_count");
        jdbc.update("""
                INSERT INTO open_case_count (commune_code, risk_level, category, open_cases)
                SELECT commune_code, COALESCE(risk_level, 'UNASSESSED'), category, count(*)
                FROM risk_register WHERE status <> 'CLOSED' GROUP BY 1, 2, 3""");
        jdbc.execute("ANALYZE late_deadline_count");
        jdbc.execute("ANALYZE open_case_count");
    }
}
