package vn.childprotection.casetracker.query.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For benchmarks that write projection rows straight into the tables (synthetic, as the projections would write
 * them: same tables, same indexes): the risk register's and the deadlines' rows of a range of cases, and the counts
 * the projections keep beside them, filled again from every row as migration V3_13 fills them.
 */
final class RegisterRows {

    /** The 17 communes of the former district, as an SQL array literal. */
    static final String COMMUNES = "ARRAY['313-tt-an-lao', '313-tt-truong-son', '313-an-thai', "
            + "'313-an-thang', '313-an-tho', '313-an-tien', '313-bat-trang', '313-chien-thang', '313-my-duc', "
            + "'313-quang-hung', '313-quang-trung', '313-quoc-tuan', '313-tan-dan', '313-tan-vien', '313-thai-son', "
            + "'313-truong-thanh', '313-truong-tho']";

    private RegisterRows() {
    }

    /**
     * Cases {@code from} to {@code to} (ids {@code bench-<i>}): a row of the risk register each (about 60 % open, the
     * three categories and four risk levels in turn), an open case-review deadline each and a late deadline for every
     * fifth case, half of those an intervention's (of {@code 313-health-centre}); then the kept counts filled again
     * and the two tables analysed.
     */
    static void write(JdbcTemplate jdbc, int from, int to) {
        jdbc.update("""
                INSERT INTO risk_register (case_id, commune_code, category, risk_level, emergency, status, reported_at,
                                           updated_at, version)
                SELECT 'bench-' || i, (%s)[1 + i %% 17], (ARRAY['ABUSED', 'AT_RISK', 'SPECIAL_CIRCUMSTANCES'])[1 + i %% 3],
                       (ARRAY['HIGH', 'MEDIUM', 'LOW', NULL])[1 + i %% 4], FALSE,
                       CASE WHEN i %% 5 < 3 THEN 'PLAN_APPROVED' ELSE 'CLOSED' END,
                       TIMESTAMPTZ '2024-01-01 00:00Z' + i * INTERVAL '7 minutes',
                       TIMESTAMPTZ '2024-01-01 00:00Z' + i * INTERVAL '7 minutes', 8
                FROM generate_series(?, ?) i""".formatted(COMMUNES), from, to);
        jdbc.update("""
                INSERT INTO case_deadline (case_id, deadline_id, rule, due_at, responsible_org_unit, intervention_id,
                                           commune_code, state, scheduled_at, missed_at)
                SELECT 'bench-' || i, d.id, d.rule, TIMESTAMPTZ '2024-01-05 00:00Z' + i * INTERVAL '7 minutes',
                       CASE WHEN d.rule = 'INTERVENTION_DUE' THEN '313-health-centre' ELSE (%s)[1 + i %% 17] END,
                       CASE WHEN d.rule = 'INTERVENTION_DUE' THEN 'i-1' END, (%s)[1 + i %% 17],
                       CASE WHEN d.id LIKE 'missed%%' THEN 'MISSED' ELSE 'OPEN' END,
                       TIMESTAMPTZ '2024-01-01 00:00Z' + i * INTERVAL '7 minutes',
                       CASE WHEN d.id LIKE 'missed%%'
                            THEN TIMESTAMPTZ '2024-01-05 00:00Z' + i * INTERVAL '7 minutes' END
                FROM generate_series(?, ?) i
                CROSS JOIN LATERAL (VALUES ('open-1', 'CASE_REVIEW'),
                    (CASE WHEN i %% 5 = 0 THEN 'missed-1' ELSE 'met-1' END,
                     CASE WHEN i %% 10 = 0 THEN 'INTERVENTION_DUE' ELSE 'PLAN_DRAFTING' END)) d(id, rule)
                WHERE d.id <> 'met-1'""".formatted(COMMUNES, COMMUNES), from, to);
        refillKeptCounts(jdbc);
        jdbc.execute("VACUUM ANALYZE risk_register");
        jdbc.execute("VACUUM ANALYZE case_deadline");
    }

    /** Fills {@code late_deadline_count} and {@code open_case_count} again from every row, as V3_13 does. */
    static void refillKeptCounts(JdbcTemplate jdbc) {
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
