package vn.childprotection.casetracker.query.riskregister;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.tally.KeptCounts;
import vn.childprotection.casetracker.values.CaseStatus;

/**
 * The open cases of the risk register (<i>sổ theo dõi nguy cơ</i>: status other than {@code CLOSED}) counted per
 * commune, risk level and category, kept by the risk register projection in {@code open_case_count} (migration
 * {@code V3_13}) in the transaction of each batch that changes {@code risk_register}. The risk register's first page
 * adds them up per commune ({@link RiskRegisterQueries#countsByCommune}); the statistics of open cases show them as
 * their cells. Why a count always equals a count of the rows: {@link KeptCounts}.
 */
public final class RegisterCounts {

    /** The risk level a case counts under before its first assessment. */
    public static final String UNASSESSED = "UNASSESSED";

    private static final KeptCounts COUNTS = KeptCounts.of("open_case_count", "open_cases", "commune_code",
            "risk_level", "category");

    /** What the stored rows of the cases count for; the same groups as {@link #of}. */
    private static final String STORED = """
            SELECT commune_code, COALESCE(risk_level, 'UNASSESSED'), category, count(*)
            FROM risk_register WHERE case_id = ANY (?) AND status <> 'CLOSED'
            GROUP BY 1, 2, 3""";

    private RegisterCounts() {
    }

    /**
     * Adds to the batch the changes of the counts that the cases' new rows make, after the rows themselves. To be
     * called by the batch's writer, before anything of the batch is written.
     *
     * @param changed the cases changed in the batch, by case id, as their rows will be written
     */
    static void write(JdbcTemplate jdbc, ProjectionBatch batch, Map<String, RiskRegisterRow> changed) {
        COUNTS.addChanges(batch, COUNTS.stored(jdbc, STORED, changed.keySet()), KeptCounts.tally(
                changed.values().stream().filter(row -> !CaseStatus.CLOSED.name().equals(row.status()))
                        .map(RegisterCounts::of)));
    }

    /** The cell an open case counts in. */
    private static List<String> of(RiskRegisterRow row) {
        return List.of(row.communeCode(), row.riskLevel() == null ? UNASSESSED : row.riskLevel(), row.category());
    }
}
