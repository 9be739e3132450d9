package vn.childprotection.casetracker.query.indicators;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and renews the versions of the counted facts ({@link FactsVersion}, V3_12). The writer of the projection
 * gives the communes of each batch a new version in the batch's transaction ({@link IndicatorFactWriter}); this
 * class gives the whole table a new generation when its facts are replaced wholesale.
 */
@Component
class FactsVersions {

    private static final String READ = """
            SELECT s.complete, s.generation, v.commune_code, v.version
            FROM public.indicator_fact_state s
            LEFT JOIN public.indicator_commune_version v ON v.commune_code = ANY (?)""";

    private final JdbcTemplate jdbc;
    private final IndicatorFactsCompleteness completeness;

    FactsVersions(JdbcTemplate jdbc, IndicatorFactsCompleteness completeness) {
        this.jdbc = jdbc;
        this.completeness = completeness;
    }

    /**
     * The version of the facts of these communes, read with one statement (in the caller's transaction, if any).
     *
     * @param communes commune codes as {@code indicator_fact} holds them
     * @throws IndicatorsRebuildingException if the facts do not hold every case yet (see
     *                                       {@link IndicatorFactsCompleteness#requireComplete})
     */
    FactsVersion read(Collection<String> communes) {
        Map<String, Long> versions = new HashMap<>();
        communes.forEach(commune -> versions.put(commune, 0L));
        boolean[] complete = {true};
        long[] generation = {0};
        jdbc.query(READ, rs -> {
            complete[0] = rs.getBoolean("complete");
            generation[0] = rs.getLong("generation");
            String commune = rs.getString("commune_code");
            if (commune != null) {
                versions.put(commune, rs.getLong("version"));
            }
        }, (Object) communes.toArray(String[]::new));
        if (!complete[0]) {
            completeness.requireComplete();
        }
        return new FactsVersion(generation[0], versions);
    }

    /**
     * Gives the whole table a new generation, in the caller's transaction: no answer counted before from any commune
     * is given again once it commits.
     */
    void newGeneration() {
        jdbc.update("UPDATE public.indicator_fact_state SET generation = nextval('public.indicator_fact_version')");
    }
}
