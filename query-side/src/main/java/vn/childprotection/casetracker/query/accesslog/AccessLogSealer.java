package vn.childprotection.casetracker.query.accesslog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed access log rows into the access-log chain (<i>niêm phong nhật ký truy cập</i>), after the reads
 * that wrote them have committed, so that no read waits for another: every
 * {@code casetracker.integrity.access-log.seal-interval} (PT1S), in batches of up to {@value #BATCH} rows, each batch
 * one transaction holding a transaction-level advisory lock that only sealers take (one sealer at a time across
 * every instance; an instance that does not get it skips its turn).
 * <p>
 * A batch takes the chain rows not linked yet ({@code chain_position IS NULL}) in entry_id order. A read that took a
 * lower entry_id but committed later is simply found at a later turn and linked at the next position: the chain is
 * in the order rows were found committed, not in entry_id order. Each row's row MAC is checked against its
 * access_log row first; a row whose MAC does not verify (changed, or written without the key) or whose access_log
 * row is missing is never linked: logged at ERROR with its entry id only, counted by the metric
 * {@code casetracker.integrity.unauthenticated.access-log}, and left for verification to report. After a turn the
 * head is anchored when due ({@link AccessLogAnchoring}).
 * <p>
 * Rows logged before the chain existed are adopted once ({@link AccessLogAdoption}) before the first link.
 */
@Component
public class AccessLogSealer implements SmartLifecycle {

    /** The advisory lock key of access-log sealers: the ASCII bytes of 'acclogsl' as a bigint. */
    static final long LOCK_KEY = 0x6163636c6f67736cL;
    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(AccessLogSealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;
    private final AccessLogLinks links;
    private final AccessLogAnchoring anchoring;
    private final AccessLogAdoption adoption;
    private final Duration sealInterval;
    private final Counter unauthenticated;
    /** Entries already reported as refused by this process, so each is logged and counted once. */
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService executor;

    /**
     * @param sealInterval how often to look for rows to link; positive
     */
    public AccessLogSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AccessLogLinks links,
                           AccessLogAnchoring anchoring, AccessLogAdoption adoption, MeterRegistry meters,
                           @Value("${casetracker.integrity.access-log.seal-interval:PT1S}") Duration sealInterval) {
        if (sealInterval.isZero() || sealInterval.isNegative()) {
            throw new IllegalArgumentException("casetracker.integrity.access-log.seal-interval must be positive");
        }
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
        this.links = links;
        this.anchoring = anchoring;
        this.adoption = adoption;
        this.sealInterval = sealInterval;
        this.unauthenticated = Counter.builder("casetracker.integrity.unauthenticated.access-log")
                .description("Access log rows the sealer refused to link: row MAC missing or wrong").register(meters);
    }

    /** How often the sealer looks for rows to link. */
    public Duration sealInterval() {
        return sealInterval;
    }

    /**
     * One sealing turn: adopts old rows if still to do, links every committed row it finds, then anchors the head if
     * due. Does nothing when another sealer holds the lock.
     *
     * @return how many rows this turn linked
     */
    public int sealNow() {
        int linked = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = inTransaction.execute(status -> sealBatch(from));
            if (batch == null || !batch.locked()) {
                break;
            }
            linked += batch.linked();
            after = batch.lastEntryId();
            if (batch.read() < BATCH) {
                break;
            }
        }
        anchoring.afterSealing(head());
        return linked;
    }

    private Batch sealBatch(long after) {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(false, 0, 0, after);
        }
        if (after == 0) {
            adoption.adoptIfNeeded();
        }
        List<Candidate> candidates = jdbc.query("SELECT c.entry_id, c.row_mac, " + AccessLogRow.COLUMNS
                + " FROM access_log_chain c LEFT JOIN access_log a ON a.entry_id = c.entry_id"
                + " WHERE c.chain_position IS NULL AND c.entry_id > ? ORDER BY c.entry_id LIMIT " + BATCH,
                (rs, i) -> new Candidate(rs.getLong("entry_id"), rs.getBytes("row_mac"), AccessLogRow.read(rs)),
                after);
        if (candidates.isEmpty()) {
            return new Batch(true, 0, 0, after);
        }
        ChainHead head = head();
        long position = head == null ? 0 : head.position();
        byte[] prevHash = head == null ? AccessLogLinks.GENESIS : head.hash();
        List<Object[]> updates = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.row() == null || !links.rowVerifies(candidate.rowMac(), candidate.row())) {
                if (refused.add(candidate.entryId())) {
                    log.error("Access log: entry {} is not authenticated ({}); it is not linked into the chain",
                            candidate.entryId(), candidate.row() == null ? "its row is missing" : "its row MAC fails");
                    unauthenticated.increment();
                }
                continue;
            }
            position++;
            byte[] hash = AccessLogLinks.hash(prevHash, position, candidate.entryId(), candidate.rowMac());
            updates.add(new Object[] {position, prevHash, hash, links.linkMac(position, prevHash, hash),
                    candidate.entryId()});
            prevHash = hash;
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE access_log_chain SET chain_position = ?, prev_hash = ?, hash = ?, link_mac = ?"
                    + " WHERE entry_id = ?", updates);
        }
        return new Batch(true, candidates.size(), updates.size(), candidates.get(candidates.size() - 1).entryId());
    }

    /**
     * @return the chain's latest link, or null while it is empty
     */
    ChainHead head() {
        List<ChainHead> heads = jdbc.query("SELECT chain_position, hash FROM access_log_chain"
                + " WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1",
                (rs, i) -> new ChainHead(rs.getLong("chain_position"), rs.getBytes("hash")));
        return heads.isEmpty() ? null : heads.get(0);
    }

    private void sealQuietly() {
        try {
            sealNow();
        } catch (RuntimeException e) {
            log.warn("Access log: a sealing turn failed ({}); trying again in {}", e.getClass().getName(),
                    sealInterval);
        }
    }

    @Override
    public void start() {
        if (anchoring.witness() == null) {
            log.warn("Access log: no anchor witness is configured; the access-log chain's head is not recorded "
                    + "outside the database, so deleting its tail goes unnoticed");
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "access-log-sealer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sealQuietly, sealInterval.toMillis(), sealInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record Candidate(long entryId, byte[] rowMac, AccessLogRow row) {
    }

    private record Batch(boolean locked, int read, int linked, long lastEntryId) {
    }
}
