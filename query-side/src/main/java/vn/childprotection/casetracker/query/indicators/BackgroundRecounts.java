package vn.childprotection.casetracker.query.indicators;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Recounts questions in the background after an earlier answer was given in place of the current one
 * ({@link MaxStale}): at most one recount of a question at a time (asking again while it runs joins it), each holding a
 * turn of the {@link CountingBulkhead} taken only when one is free at once. Never blocks the caller: a recount that
 * finds no free turn does not start (the next request of the question tries again). Runs on at most as many threads
 * as there are turns.
 */
final class BackgroundRecounts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRecounts.class);

    private final CountingBulkhead bulkhead;
    private final Set<Asked> running = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor threads;

    BackgroundRecounts(CountingBulkhead bulkhead) {
        this.bulkhead = bulkhead;
        CustomizableThreadFactory factory = new CustomizableThreadFactory("indicator-recount-");
        factory.setDaemon(true);
        this.threads = new ThreadPoolExecutor(bulkhead.maxConcurrent(), bulkhead.maxConcurrent(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts {@code recount} of {@code asked} unless one runs already or no counting turn is free now.
     *
     * @param recount counts the question and keeps its answer; call nothing that waits for a turn
     * @return whether a recount was started by this call
     */
    boolean start(Asked asked, Runnable recount) {
        if (!running.add(asked)) {
            return false;
        }
        boolean started = bulkhead.countIfFree(threads, () -> {
            try {
                recount.run();
            } catch (IndicatorsRebuildingException e) {
                log.debug("Indicator recount skipped: the facts are being rebuilt");
            } catch (RuntimeException e) {
                log.warn("Indicator recount failed ({}); the next request counts it", e.getClass().getName(), e);
            } finally {
                running.remove(asked);
            }
        });
        if (!started) {
            running.remove(asked);
        }
        return started;
    }

    /** Stops the recounts still running or waiting (they are interrupted; nothing half done is kept). */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
