package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a comparison of indicators with {@link IndicatorOracle} actually covered: an oracle that expects zero where the
 * service shows zero proves nothing about that indicator or cell. Collected over every period, org unit and as-of
 * instant asked, from the oracle's expectations (never from the service's counts) and the cells the service lists.
 */
final class Coverage {

    private final Map<String, Long> totals = new TreeMap<>();
    private final Map<String, Set<String>> listed = new TreeMap<>();
    private final Map<String, Set<String>> counted = new TreeMap<>();

    /**
     * @param where an indicator code with the period, org unit and as-of instant asked
     * @param total the oracle's expected total there
     */
    void total(String where, long total) {
        totals.put(where, total);
    }

    /**
     * @param breakdown an indicator code and a dimension, e.g. {@code "0101 by setting"}
     * @param key       a cell the service lists for it (with any count, zero included)
     */
    void listed(String breakdown, String key) {
        listed.computeIfAbsent(breakdown, b -> new TreeSet<>()).add(key);
    }

    /**
     * @param breakdown an indicator code and a dimension
     * @param keys      the cells the oracle expects a nonzero count in, for one period, org unit and as-of instant
     */
    void counted(String breakdown, Collection<String> keys) {
        counted.computeIfAbsent(breakdown, b -> new TreeSet<>()).addAll(keys);
    }

    /**
     * Every indicator has cases wherever it was asked, and every cell the service listed for a breakdown has cases
     * in at least one of the periods and org units asked.
     */
    void assertEveryIndicatorAndCellHasCases() {
        assertThat(totals).as("indicators asked").isNotEmpty();
        assertThat(totals.entrySet()).as("indicators with no case where asked")
                .filteredOn(e -> e.getValue() == 0).isEmpty();
        assertThat(listed).as("breakdowns asked").isNotEmpty();
        Map<String, Set<String>> withoutCases = new TreeMap<>();
        listed.forEach((breakdown, keys) -> keys.stream()
                .filter(key -> !counted.getOrDefault(breakdown, Set.of()).contains(key))
                .forEach(key -> withoutCases.computeIfAbsent(breakdown, b -> new TreeSet<>()).add(key)));
        assertThat(withoutCases).as("cells the service lists with no case in any period and org unit asked")
                .isEmpty();
    }
}
