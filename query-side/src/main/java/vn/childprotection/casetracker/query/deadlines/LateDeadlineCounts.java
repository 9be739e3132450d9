package vn.childprotection.casetracker.query.deadlines;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.query.tally.KeptCounts;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * The late deadlines (<i>quá hạn</i>: state {@code MISSED}) counted per commune that runs the case now and per agency
 * of an {@code INTERVENTION_DUE} deadline, kept by the deadlines projection in {@code late_deadline_count}
 * (migration {@code V3_13}) in the transaction of each batch that changes {@code case_deadline}: the groups of the
 * overdue register's first page ({@link DeadlineQueries#lateCounts}). Why a count always equals a count of the rows:
 * {@link KeptCounts}.
 */
final class LateDeadlineCounts {

    /** The agency of a late deadline of any rule but {@code INTERVENTION_DUE}. */
    static final String NO_AGENCY = "";

    private static final KeptCounts COUNTS = KeptCounts.of("late_deadline_count", "late", "commune_code",
            "agency_code");

    /** What the stored rows of the cases count for; the same groups as {@link #of}. */
    private static final String STORED = """
            SELECT commune_code, CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit ELSE '' END,
                   count(*)
            FROM case_deadline WHERE case_id = ANY (?) AND state = 'MISSED'
            GROUP BY 1, 2""";

    private LateDeadlineCounts() {
    }

    /**
     * Adds to the batch the changes of the counts that the cases' new rows make, after the rows themselves. To be
     * called by the batch's writer, before anything of the batch is written.
     *
     * @param changed the cases changed in the batch, by case id, as their rows will be written
     */
    static void write(JdbcTemplate jdbc, ProjectionBatch batch, Map<String, DeadlineCase> changed) {
        COUNTS.addChanges(batch, COUNTS.stored(jdbc, STORED, changed.keySet()), KeptCounts.tally(
                changed.values().stream().flatMap(c -> c.deadlines().values().stream())
                        .filter(row -> DeadlineState.MISSED.name().equals(row.state()))
                        .map(LateDeadlineCounts::of)));
    }

    /** The group a late deadline counts in: the commune, and the agency of an intervention's deadline. */
    private static List<String> of(DeadlineCase.Row row) {
        return List.of(row.communeCode(), DeadlineRule.INTERVENTION_DUE.name().equals(row.rule())
                ? row.responsibleOrgUnit() : NO_AGENCY);
    }
}
