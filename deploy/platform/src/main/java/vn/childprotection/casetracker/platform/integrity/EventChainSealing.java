package vn.childprotection.casetracker.platform.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link EventChainSealer} every {@code casetracker.integrity.seal-interval} on one thread of its own, from
 * the start of the application until its stop, then the anchoring ({@link ChainAnchoring}). A failure (database or
 * witness unreachable) is logged and the next turn tries again; appends never wait for either.
 */
public class EventChainSealing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventChainSealing.class);

    private final EventChainSealer sealer;
    private final EventChainAdoption adoption;
    private final ChainAnchoring anchoring;
    private final DataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * @param interval how long between the end of a turn and the start of the next
     */
    public EventChainSealing(EventChainSealer sealer, EventChainAdoption adoption, ChainAnchoring anchoring,
                             DataSource dataSource, Duration interval) {
        this.sealer = sealer;
        this.adoption = adoption;
        this.anchoring = anchoring;
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /**
     * One turn: seal what is committed, then anchor the head when due. Called by the schedule; public for tests.
     *
     * @throws SQLException when the database fails
     */
    public void turn() throws SQLException {
        EventChainSealer.Turn turn = sealer.seal();
        if (!turn.sealed()) {
            return;
        }
        if (turn.lost() != null) {
            anchoring.afterSealing(turn.lost(), true);
        }
        boolean adopted = adoption.anchorDue();
        var anchor = anchoring.afterSealing(turn.head(), adopted);
        if (adopted && anchor.isPresent()) {
            try (Connection connection = dataSource.getConnection()) {
                adoption.anchored(connection, anchor.get());
            }
        }
    }

    private void scheduledTurn() {
        try {
            turn();
        } catch (SQLException | RuntimeException e) {
            log.warn("Sealing the event chain failed; tried again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scheduledTurn, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
