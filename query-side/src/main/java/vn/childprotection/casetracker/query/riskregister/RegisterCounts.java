package vn.childprotection.casetracker.query.riskregister;

import java.util.List;
import java.util.Map;
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

    private RegisterCounts() {
    }

    /**
     * Adds to the batch the changes of the counts that the cases' new rows make, after the rows themselves. To be
     * called by the batch's writer, before anything of the batch is written.
     *
     * @param changed  the cases changed in the batch, by case id, as their rows will be written
     * @param asLoaded the same cases' rows as stored before the batch (a case without a row left out)
     */
    static void write(ProjectionBatch batch, Map<String, RiskRegisterRow> changed,
                      Map<String, RiskRegisterRow> asLoaded) {
        COUNTS.addChanges(batch, open(asLoaded), open(changed));
    }

    /** The open cases among the rows, counted by cell. */
    private static Map<List<String>, Long> open(Map<String, RiskRegisterRow> rows) {
        return KeptCounts.tally(rows.values().stream().filter(row -> !CaseStatus.CLOSED.name().equals(row.status()))
                .map(RegisterCounts::of));
    }

    /** The cell an open case counts in. */
    private static List<String> of(RiskRegisterRow row) {
        return List.of(row.communeCode(), row.riskLevel() == null ? UNASSESSED : row.riskLevel(), row.category());
    }
}
