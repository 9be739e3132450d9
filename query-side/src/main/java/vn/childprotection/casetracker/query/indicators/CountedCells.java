package vn.childprotection.casetracker.query.indicators;

import java.util.Map;

/**
 * What PostgreSQL counted for one indicator ({@link IndicatorFactsRepository#count}): the children or cases kept, and
 * for each dimension asked the count of every value met, before labels and zero cells are laid out
 * ({@link IndicatorCells}).
 *
 * @param total the children or cases counted, each once
 * @param cells for each dimension, the values met with their counts, in the order they were first met: by the report
 *              of the earliest counted child or case holding them (then by value); dimensions and values not met are
 *              absent
 */
record CountedCells(long total, Map<Dimension, Map<String, Long>> cells) {

    /** Nothing counted. */
    static final CountedCells NONE = new CountedCells(0, Map.of());

    CountedCells {
        cells = Map.copyOf(cells);
    }

    /** The values of one dimension met, in the order they were first met (an empty map when none). */
    Map<String, Long> of(Dimension dimension) {
        return cells.getOrDefault(dimension, Map.of());
    }
}
