package vn.childprotection.casetracker.query.targets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the communes' figures for the plan's targets (<i>chỉ tiêu kế hoạch</i>) that the case records cannot know:
 * children under 6 and their health-insurance cards (BHYT), congenital heart disease under Decision 55a/2013/QĐ-TTg,
 * the child-friendly commune standard (Decision 06/QĐ-TTg 2019), the Action Month for Children, Mid-Autumn festival
 * and Children's Forum. For the reports: each commune's latest recording as of an instant, so a report once sent can
 * be reproduced exactly after later revisions.
 */
@Component
public class CommuneTargetQueries {

    /** Far enough in the future to stand for "everything recorded so far". */
    private static final Instant EVERYTHING = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcTemplate jdbc;

    public CommuneTargetQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest recording of each of these communes for {@code year} among those recorded (event timestamp) at or
     * before {@code asOf}.
     *
     * @param year         the plan year
     * @param communeCodes the communes wanted; a commune with no recording by then is left out of the answer
     * @param asOf         the instant the report is asked as of; null for everything recorded so far (as the
     *                     indicators read it)
     * @return one recording per commune that has one, ordered by commune code; empty when no commune is asked
     */
    public List<CommuneTargets> latest(int year, Collection<String> communeCodes, Instant asOf) {
        if (communeCodes == null || communeCodes.isEmpty()) {
            return List.of();
        }
        Instant until = asOf == null ? EVERYTHING : asOf;
        return jdbc.query("""
                SELECT DISTINCT ON (commune_code) commune_code, year, version, occurred_at, recorded_at, recorded_by,
                       org_unit, role, children_under_6, children_under_6_with_health_insurance_card,
                       congenital_heart_disease_eligible, congenital_heart_disease_received, child_friendly_commune,
                       action_month_held, mid_autumn_festival_held, children_forum_held
                FROM commune_target_record
                WHERE year = ? AND commune_code = ANY (?) AND recorded_at <= ?
                ORDER BY commune_code, version DESC""",
                (rs, i) -> row(rs), year, communeCodes.toArray(String[]::new), until.atOffset(ZoneOffset.UTC));
    }

    private static CommuneTargets row(ResultSet rs) throws SQLException {
        return new CommuneTargets(rs.getString("commune_code"), rs.getInt("year"), rs.getLong("version"),
                instant(rs.getTimestamp("occurred_at")), instant(rs.getTimestamp("recorded_at")),
                rs.getString("recorded_by"), rs.getString("org_unit"), rs.getString("role"),
                rs.getObject("children_under_6", Integer.class),
                rs.getObject("children_under_6_with_health_insurance_card", Integer.class),
                rs.getObject("congenital_heart_disease_eligible", Integer.class),
                rs.getObject("congenital_heart_disease_received", Integer.class),
                rs.getObject("child_friendly_commune", Boolean.class),
                rs.getObject("action_month_held", Boolean.class),
                rs.getObject("mid_autumn_festival_held", Boolean.class),
                rs.getObject("children_forum_held", Boolean.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
