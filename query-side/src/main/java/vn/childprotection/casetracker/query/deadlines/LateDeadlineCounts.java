package vn.childprotection.casetracker.query.deadlines;

import java.util.List;
import java.util.Map;
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

    private LateDeadlineCounts() {
    }

    /**
     * Adds to the batch the changes of the counts that the cases' new rows make, after the rows themselves. To be
     * called by the batch's writer, before anything of the batch is written.
     *
     * @param changed  the cases changed in the batch, by case id, as their rows will be written
     * @param asLoaded the same cases as stored before the batch (a case without a {@code deadline_case} row left
     *                 out: it has no {@code case_deadline} rows either, both are written together)
     */
    static void write(ProjectionBatch batch, Map<String, DeadlineCase> changed, Map<String, DeadlineCase> asLoaded) {
        COUNTS.addChanges(batch, late(asLoaded), late(changed));
    }

    /** The late deadlines of the cases, counted by group. */
    private static Map<List<String>, Long> late(Map<String, DeadlineCase> cases) {
        return KeptCounts.tally(cases.values().stream().flatMap(c -> c.deadlines().values().stream())
                .filter(row -> DeadlineState.MISSED.name().equals(row.state()))
                .map(LateDeadlineCounts::of));
    }

    /** The group a late deadline counts in: the commune, and the agency of an intervention's deadline. */
    private static List<String> of(DeadlineCase.Row row) {
        return List.of(row.communeCode(), DeadlineRule.INTERVENTION_DUE.name().equals(row.rule())
                ? row.responsibleOrgUnit() : NO_AGENCY);
    }
}
