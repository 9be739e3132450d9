package vn.childprotection.casetracker.query.indicators;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Map;

/**
 * The last answer counted for each question, whatever the facts' version, with the instant its facts were counted as
 * of: what a request carrying {@code Cache-Control: max-stale} may be given while the current facts' answer is not
 * known ({@link IndicatorAnswers}). Bounded (least recently used first out), like the answers themselves.
 */
final class LatestAnswers {

    private final Cache<Asked, Latest> latest;

    /**
     * @param maxEntries how many questions' last answers are kept at most (at least 1)
     */
    LatestAnswers(long maxEntries) {
        this.latest = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    }

    /**
     * Keeps the cells just counted as the question's last answer, unless one counted as of a later instant is kept.
     *
     * @param countedAt an instant (UTC) taken just before the snapshot the cells were counted in was taken
     */
    void counted(Asked asked, FactsVersion version, Map<String, CountedCells> cells, Instant countedAt) {
        latest.asMap().merge(asked, new Latest(version, cells, countedAt),
                (kept, now) -> now.countedAt().isBefore(kept.countedAt()) ? kept : now);
    }

    /**
     * The facts of the kept answer were read again as still current at {@code at}: its cells are the facts as of
     * that later instant too, so it is younger.
     *
     * @param at an instant (UTC) taken just before the version was read
     */
    void confirmed(Asked asked, FactsVersion version, Instant at) {
        latest.asMap().computeIfPresent(asked, (key, kept) -> kept.version().equals(version)
                && kept.countedAt().isBefore(at) ? new Latest(version, kept.cells(), at) : kept);
    }

    /** The question's last answer, or null when none is kept. */
    Latest find(Asked asked) {
        return latest.getIfPresent(asked);
    }

    /**
     * A question's last answer.
     *
     * @param version   the facts' version it was counted from
     * @param countedAt the instant (UTC) the facts were counted (or last read as unchanged) as of
     */
    record Latest(FactsVersion version, Map<String, CountedCells> cells, Instant countedAt) {
    }
}
