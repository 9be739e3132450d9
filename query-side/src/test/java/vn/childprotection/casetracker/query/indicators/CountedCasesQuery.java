package vn.childprotection.casetracker.query.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * For the Java oracle of the SQL counts ({@link IndicatorCalculator}): every case counting for each measure in the
 * period and communes, as recorded by {@code asOf}, read into Java the way indicators were counted before PostgreSQL
 * counted them — in report order (earliest first, then by case id), each with the commune it counts in. The rows
 * are chosen by the repository's own condition ({@link IndicatorFactsRepository#counted}), so the oracle checks the
 * counting of exactly those rows; their report fields are read from {@code indicator_case}, not from the facts'
 * copies the statement counts.
 */
final class CountedCasesQuery {

    private CountedCasesQuery() {
    }

    static Map<Measure, List<CountedCase>> counted(JdbcTemplate jdbc, Collection<String> communeCodes,
                                                   ReportingPeriod period, Collection<Measure> measures,
                                                   Instant asOf) {
        Map<Measure, List<CountedCase>> counted = new EnumMap<>(Measure.class);
        measures.forEach(measure -> counted.put(measure, new ArrayList<>()));
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        Map<String, CaseFacts> cases = new HashMap<>();
        List<Object> args = new ArrayList<>();
        args.add(communeCodes.toArray(String[]::new));
        args.add(measures.stream().map(Enum::name).toArray(String[]::new));
        args.addAll(List.of(start, end, end, end, start, end, end, end));
        if (asOf != null) {
            args.addAll(List.of(asOf.atOffset(ZoneOffset.UTC), asOf.atOffset(ZoneOffset.UTC)));
        }
        jdbc.query("""
                SELECT f.measure, f.commune_code AS counted_in, c.case_id, c.child_id, c.commune_code, c.category,
                       c.channel, c.sex, c.age_years, c.setting, array_to_string(c.abuse_forms, ',') AS abuse_forms,
                       array_to_string(c.special_groups, ',') AS special_groups, c.reported_at
                FROM indicator_fact f JOIN indicator_case c ON c.case_id = f.case_id
                WHERE %s
                ORDER BY c.reported_at, c.case_id""".formatted(IndicatorFactsRepository.counted(asOf)), rs -> {
                    CaseFacts reported = cases.computeIfAbsent(rs.getString("case_id"), caseId -> report(rs));
                    counted.get(Measure.valueOf(rs.getString("measure")))
                            .add(new CountedCase(reported, rs.getString("counted_in")));
                }, args.toArray());
        return counted;
    }

    private static CaseFacts report(ResultSet rs) {
        try {
            return new CaseFacts(rs.getString("case_id"), rs.getString("child_id"), rs.getString("commune_code"),
                    CaseCategory.valueOf(rs.getString("category")), rs.getString("channel"), rs.getString("sex"),
                    rs.getInt("age_years"), rs.getString("setting"), names(rs.getString("abuse_forms")),
                    names(rs.getString("special_groups")), rs.getTimestamp("reported_at").toInstant(), List.of(),
                    null);
        } catch (SQLException e) {
            throw new IllegalStateException("Unreadable indicator_case row", e);
        }
    }

    private static Set<String> names(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
    }
}
