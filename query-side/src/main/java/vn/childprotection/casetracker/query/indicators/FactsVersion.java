package vn.childprotection.casetracker.query.indicators;

import java.util.Map;

/**
 * Which counted facts an answer was counted from (V3_12): the generation of the whole {@code indicator_fact} table
 * (new at each rebuild's switch and each reset of the projection) and the version of each commune asked (new at
 * each batch of the projection that changed a fact row of the commune; 0 for a commune that has had none).
 * All are values of one PostgreSQL sequence, which never gives a value twice, so two equal versions mean the same
 * facts of those communes.
 *
 * @param generation the generation of the table
 * @param communes   for every commune asked, its version (0 when none was ever written)
 */
record FactsVersion(long generation, Map<String, Long> communes) {

    FactsVersion {
        communes = Map.copyOf(communes);
    }
}
