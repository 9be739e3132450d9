package vn.childprotection.casetracker.query.deadlines;

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
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Reads the deadlines projection. The overdue register is read a page at a time in one total order (due instant,
 * case id, deadline id), each filter served by an index of migration {@code V3_10}
 * ({@code case_deadline_missed_page_idx}, {@code _missed_commune_idx}, {@code _missed_agency_idx}).
 */
@Component
public class DeadlineQueries {

    /** The overdue register's order; its indexes end with these three columns. */
    private static final KeysetQuery ORDER = KeysetQuery.ascending("due_at", "case_id", "deadline_id");

    private final JdbcTemplate jdbc;

    public DeadlineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} deadlines still late (<i>quá hạn</i>), optionally of the cases of one commune and of the
     * interventions of one agency, the one due first (so the latest) first, after the deadline whose sort key
     * {@code after} holds (due at, case id, deadline id; see {@link #key}).
     *
     * @param communeCode the commune that runs the case now, or null for all
     * @param agencyCode  the agency an intervention's deadline belongs to, or null for all
     */
    public List<MissedDeadline> missed(String communeCode, String agencyCode, Optional<CursorKey> after, int rows) {
        List<Object> arguments = new ArrayList<>();
        KeysetQuery.Statement page = ORDER.page("""
                SELECT case_id, deadline_id, rule, due_at, missed_at, responsible_org_unit, intervention_id,
                       commune_code
                FROM case_deadline""", conditions(communeCode, agencyCode, arguments), arguments, after,
                key -> List.of(key.instant(0).atOffset(ZoneOffset.UTC), key.id(1), key.id(2)), rows);
        return jdbc.query(page.sql(), (rs, i) -> new MissedDeadline(
                rs.getString("case_id"),
                rs.getString("deadline_id"),
                DeadlineRule.valueOf(rs.getString("rule")),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("missed_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("missed_at", OffsetDateTime.class).toInstant(),
                rs.getString("responsible_org_unit"),
                rs.getString("intervention_id"),
                rs.getString("commune_code")), page.values());
    }

    /**
     * How many deadlines are still late, with the same filters as {@link #missed}: per commune (the commune that
     * runs the case now) and per agency (the agency of an {@code INTERVENTION_DUE} deadline). Read from the counts
     * the deadlines projection keeps per commune and agency ({@code late_deadline_count} of migration {@code V3_13},
     * see {@link LateDeadlineCounts}): one row per commune and agency with late deadlines, whatever their number,
     * equal to what a count of the rows {@link #missed} reads would give.
     *
     * @param communeCode the commune that runs the case now, or null for all
     * @param agencyCode  the agency of an intervention's deadline, or null for all
     */
    public LateCounts lateCounts(String communeCode, String agencyCode) {
        List<Object> arguments = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (communeCode != null) {
            conditions.add("commune_code = ?");
            arguments.add(communeCode);
        }
        if (agencyCode != null) {
            conditions.add("agency_code <> '" + LateDeadlineCounts.NO_AGENCY + "'");
            conditions.add("agency_code = ?");
            arguments.add(agencyCode);
        }
        String sql = "SELECT commune_code, agency_code, late FROM late_deadline_count"
                + KeysetQuery.where(conditions);
        Map<String, Long> byCommune = new TreeMap<>();
        Map<String, Long> byAgency = new TreeMap<>();
        jdbc.query(sql, rs -> {
            long late = rs.getLong("late");
            if (late > 0) {
                byCommune.merge(rs.getString("commune_code"), late, Long::sum);
                if (!LateDeadlineCounts.NO_AGENCY.equals(rs.getString("agency_code"))) {
                    byAgency.merge(rs.getString("agency_code"), late, Long::sum);
                }
            }
        }, arguments.toArray());
        return new LateCounts(byCommune, byAgency, byCommune.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * The sort key of a late deadline as its cursor carries it: due at, case id, deadline id.
     */
    static List<String> key(MissedDeadline deadline) {
        return List.of(CursorKey.text(deadline.dueAt()), deadline.caseId(), deadline.deadlineId());
    }

    /**
     * The filters: fixed text from this class, values only as arguments.
     */
    private static List<String> conditions(String communeCode, String agencyCode, List<Object> arguments) {
        List<String> conditions = new ArrayList<>(List.of("state = 'MISSED'"));
        if (communeCode != null) {
            conditions.add("commune_code = ?");
            arguments.add(communeCode);
        }
        if (agencyCode != null) {
            conditions.add("rule = 'INTERVENTION_DUE'");
            conditions.add("responsible_org_unit = ?");
            arguments.add(agencyCode);
        }
        return conditions;
    }

    /**
     * Counts of late deadlines.
     *
     * @param byCommune per commune code, communes without any left out
     * @param byAgency  {@code INTERVENTION_DUE} deadlines per agency code
     * @param total     all of them
     */
    public record LateCounts(Map<String, Long> byCommune, Map<String, Long> byAgency, long total) {
    }
}
