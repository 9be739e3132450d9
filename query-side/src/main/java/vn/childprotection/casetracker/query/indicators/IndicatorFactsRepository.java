package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts indicators in PostgreSQL from the counted facts of the {@code indicators} projection
 * ({@code indicator_fact}, see V3_9 and {@link CountedFact}) as they had been recorded by an instant: one statement
 * reads only the rows of the period asked and the area's communes, keeps each child or case once and counts the
 * cells of every breakdown, so that an answer brings a few hundred numbers into Java, never the cases themselves,
 * and its cost grows with what the period and area hold, not with the store.
 * <p>
 * What it counts is what {@code IndicatorCalculator} counted case by case before (the oracle of
 * {@code CountedInPostgresTest}): among the cases counting for the definition's measure in the period and in one of
 * the communes, those the definition keeps ({@link IndicatorDefinition#keeps}: its categories, and at least one
 * group of special circumstances when it asks so); of these, each counting unit (the child, or the case) once, with
 * the report fields and the commune of its earliest kept case (by report instant, then case id); then per
 * dimension: the sex, the age band ({@link AgeBands}), each form of abuse ({@code NONE} when the report named none),
 * the setting ({@code NOT_RECORDED} when none), each group of special circumstances ({@code NONE} when none), the
 * referral channel, the category and the commune it counts in.
 */
@Repository
class IndicatorFactsRepository {

    private final JdbcTemplate jdbc;
    private final IndicatorFactsCompleteness completeness;
    private final String ageBand;

    IndicatorFactsRepository(JdbcTemplate jdbc, IndicatorFactsCompleteness completeness, AgeBands ageBands) {
        this.jdbc = jdbc;
        this.completeness = completeness;
        this.ageBand = ageBandExpression(ageBands);
    }

    /**
     * Counts each definition over the cases that count for its measure in the period and in one of these communes,
     * as recorded by {@code asOf} (everything recorded when null). One statement for all the definitions.
     *
     * @param communeCodes the area's communes (commune codes as in {@code indicator_fact})
     * @param definitions  the indicators to count, each code once
     * @return for each definition's code, its counts ({@link CountedCells#NONE} when nothing counts)
     * @throws IndicatorsRebuildingException if the table does not hold the facts of every case yet (after an
     *                                       upgrade, until the rebuild of the group switches in): never a short count
     */
    Map<String, CountedCells> count(Collection<String> communeCodes, ReportingPeriod period,
                                    List<IndicatorDefinition> definitions, Instant asOf) {
        completeness.requireComplete();
        Map<String, CountedCells> counted = new HashMap<>();
        definitions.forEach(definition -> counted.put(definition.code(), CountedCells.NONE));
        if (communeCodes.isEmpty() || definitions.isEmpty()) {
            return counted;
        }
        Map<Integer, Long> totals = new HashMap<>();
        Map<Integer, Map<Dimension, Map<String, Long>>> cells = new HashMap<>();
        Statement statement = statement(communeCodes, period, definitions, asOf);
        jdbc.query(statement.sql(), rs -> {
            int ord = rs.getInt("ord");
            String dimension = rs.getString("dimension");
            if (dimension == null) {
                totals.put(ord, rs.getLong("n"));
            } else {
                cells.computeIfAbsent(ord, o -> new EnumMap<>(Dimension.class))
                        .computeIfAbsent(Dimension.valueOf(dimension), d -> new LinkedHashMap<>())
                        .put(rs.getString("key"), rs.getLong("n"));
            }
        }, statement.args());
        totals.forEach((ord, total) -> counted.put(definitions.get(ord).code(),
                new CountedCells(total, cells.getOrDefault(ord, Map.of()))));
        return counted;
    }

    /** The counting statement and its arguments, as {@link #count} runs it (its plan can be asked for so). */
    Statement statement(Collection<String> communeCodes, ReportingPeriod period,
                        List<IndicatorDefinition> definitions, Instant asOf) {
        List<Object> args = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            IndicatorDefinition definition = definitions.get(i);
            asked.add("(?::int, ?::text, ?::text[], ?::boolean, ?::boolean, ?::text[])");
            args.addAll(List.of(i, definition.measure().name(),
                    definition.categories().stream().map(Enum::name).sorted().toArray(String[]::new),
                    definition.withSpecialCircumstanceGroups(), definition.unit() == CountingUnit.CHILDREN,
                    definition.breakdowns().stream().map(Enum::name).toArray(String[]::new)));
        }
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        args.add(communeCodes.toArray(String[]::new));
        args.add(definitions.stream().map(d -> d.measure().name()).distinct().toArray(String[]::new));
        args.addAll(List.of(start, end, end, end, start, end, end, end));
        if (asOf != null) {
            OffsetDateTime recordedBy = asOf.atOffset(ZoneOffset.UTC);
            args.addAll(List.of(recordedBy, recordedBy));
        }
        return new Statement(SQL.formatted(String.join(",\n           ", asked), counted(asOf), ageBand),
                args.toArray());
    }

    /**
     * The condition on {@code indicator_fact f} (V3_9's, with V3_12's report instant) keeping the rows that count in
     * a period and communes, as recorded by {@code asOf}; its arguments, in order: the commune codes ({@code text[]}),
     * the measures ({@code text[]}), the period's start, end, end, end, start, end, end, end, then, when
     * {@code asOf} is given, {@code asOf} twice (instants as UTC offset date-times). Shared with the tests' oracle,
     * so that it checks the counting of exactly these rows.
     */
    static String counted(Instant asOf) {
        return COUNTED_IN_PERIOD + (asOf == null ? "f.superseded_at IS NULL"
                : "f.recorded_at <= ? AND (f.superseded_at IS NULL OR f.superseded_at > ?)");
    }

    private static final String COUNTED_IN_PERIOD = """
            f.commune_code = ANY (?) AND f.measure = ANY (?)
              AND ((f.counted_at >= ? AND f.counted_at < ?)
                   OR (f.counted_at IS NULL AND COALESCE(f.holds_until, 'infinity') >= ? AND f.holds_after < ?))
              AND (f.previous_at IS NULL OR f.previous_at < ?)
              AND (f.holds_after IS NULL OR f.holds_after < ?)
              AND (f.holds_until IS NULL OR f.holds_until >= ?)
              AND f.reported_at < ?
              AND\s""";

    /** An SQL statement with its arguments in order. */
    record Statement(String sql, Object[] args) {
    }

    /** {@code CASE} over {@code age_years} giving the band's label; an age outside every band is in the last. */
    private static String ageBandExpression(AgeBands ageBands) {
        List<AgeBands.Band> bands = ageBands.bands();
        return "CASE " + bands.stream().limit(bands.size() - 1L).map(band -> "WHEN s.age_years BETWEEN %d AND %d "
                        .formatted(band.low(), band.high()) + "THEN '" + band.label() + "' ")
                .collect(Collectors.joining()) + "ELSE '" + bands.get(bands.size() - 1).label() + "' END";
    }

    /**
     * {@code asked}: one row per definition (its position, measure, categories or none, whether it needs a group of
     * special circumstances, whether it counts children, its dimensions). {@code fact}: the period's rows of the
     * communes as recorded ({@link #counted}), each with its case's report fields (V3_12: no other table is read).
     * {@code kept}: per definition, each unit once, its earliest kept case with its report fields. {@code seen}: the
     * order the units were met in. Then the totals
     * (dimension NULL), and a count per dimension and value with the first unit holding it; array dimensions are
     * unnested ({@code NONE} for an empty array; their values come from sets of enum names, so each is there once).
     */
    private static final String SQL = """
            WITH asked (ord, measure, categories, with_groups, by_child, dimensions) AS (
                VALUES %1$s
            ), fact AS (
                SELECT f.measure::text AS measure, f.commune_code::text AS counted_in, f.case_id::text AS case_id,
                       f.child_id::text AS child_id, f.category::text AS category, f.reported_at,
                       f.sex::text AS sex, f.age_years, f.setting::text AS setting,
                       f.abuse_forms::text[] AS abuse_forms, f.special_groups::text[] AS special_groups,
                       f.channel::text AS channel
                FROM indicator_fact f
                WHERE %2$s
            ), kept AS (
                SELECT DISTINCT ON (a.ord, (CASE WHEN a.by_child THEN x.child_id ELSE x.case_id END) COLLATE "C")
                       a.ord, x.case_id, x.counted_in, x.reported_at, x.sex, x.age_years, x.setting, x.abuse_forms,
                       x.special_groups, x.channel, x.category
                FROM asked a JOIN fact x ON x.measure = a.measure
                WHERE (cardinality(a.categories) = 0 OR x.category = ANY (a.categories))
                  AND (NOT a.with_groups OR cardinality(x.special_groups) > 0)
                ORDER BY a.ord, (CASE WHEN a.by_child THEN x.child_id ELSE x.case_id END) COLLATE "C",
                         x.reported_at, x.case_id
            ), seen AS (
                SELECT k.*, row_number() OVER (PARTITION BY k.ord ORDER BY k.reported_at, k.case_id) AS seen
                FROM kept k
            )
            SELECT s.ord, NULL::text AS dimension, NULL::text AS key, count(*) AS n, 0::bigint AS first_seen
            FROM seen s GROUP BY s.ord
            UNION ALL
            SELECT s.ord, d.dimension, v.key, count(*) AS n, min(s.seen) AS first_seen
            FROM seen s
            JOIN asked a ON a.ord = s.ord
            CROSS JOIN LATERAL unnest(a.dimensions) AS d (dimension)
            CROSS JOIN LATERAL unnest(CASE d.dimension
                    WHEN 'SEX' THEN ARRAY[s.sex]
                    WHEN 'AGE_GROUP' THEN ARRAY[%3$s]
                    WHEN 'ABUSE_FORM' THEN CASE WHEN cardinality(s.abuse_forms) = 0 THEN ARRAY['NONE']
                                                ELSE s.abuse_forms END
                    WHEN 'SETTING' THEN ARRAY[COALESCE(s.setting, 'NOT_RECORDED')]
                    WHEN 'SPECIAL_CIRCUMSTANCE_GROUP' THEN CASE WHEN cardinality(s.special_groups) = 0
                                                THEN ARRAY['NONE'] ELSE s.special_groups END
                    WHEN 'CHANNEL' THEN ARRAY[s.channel]
                    WHEN 'CATEGORY' THEN ARRAY[s.category]
                    WHEN 'COMMUNE' THEN ARRAY[s.counted_in] END) AS v (key)
            GROUP BY s.ord, d.dimension, v.key
            ORDER BY ord, dimension NULLS FIRST, first_seen, key""";
}
