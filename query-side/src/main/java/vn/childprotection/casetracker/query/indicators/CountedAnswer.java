package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.Map;

/**
 * The cells of a question ({@link IndicatorAnswers#counted}) and which facts they show.
 *
 * @param cells     for each definition's code, its counts
 * @param countedAt for an answer from earlier facts, the instant (UTC) they were counted as of; null when the cells
 *                  are those of the current facts (read during the request)
 */
record CountedAnswer(Map<String, CountedCells> cells, Instant countedAt) {

    /** Whether the cells were given from facts counted before the request ({@link MaxStale}). */
    boolean earlier() {
        return countedAt != null;
    }
}
