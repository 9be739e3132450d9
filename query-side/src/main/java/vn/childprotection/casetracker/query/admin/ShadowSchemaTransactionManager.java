package vn.childprotection.casetracker.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The rebuild processor's transactions: the application's Spring transactions, each starting with
 * {@code SET LOCAL search_path TO <shadow schema>, public}, {@code SET LOCAL plan_cache_mode = force_custom_plan}
 * (see {@link #CUSTOM_PLANS}: at 100,000 cases the risk register rebuilt in 23 s instead of 55),
 * {@code SET LOCAL enable_seqscan = off} and {@code SET LOCAL max_parallel_workers_per_gather = 0} (see
 * {@link #INDEXED_LOADS}), and {@code SET LOCAL synchronous_commit = off} (see {@link #NO_FLUSH_WAIT}) on its
 * connection.
 * <p>
 * Why this works: the projections write with a {@link org.springframework.jdbc.core.JdbcTemplate} and unqualified
 * table names, and JdbcTemplate uses the connection bound to the thread's transaction, so inside a batch of the
 * rebuild processor {@code risk_register} means {@code rebuild_risk_register.risk_register}. The event store and
 * {@code token_entry} have no copy in the shadow schema and still resolve to {@code public}, so the shadow rows and
 * the rebuild processor's token commit together, exactly as the live ones do. {@code SET LOCAL} ends with the
 * transaction, so the pooled connection goes back to the pool with its usual path. (PostgreSQL re-plans cached
 * prepared statements when the search path changes.)
 */
final class ShadowSchemaTransactionManager implements TransactionManager {

    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final String settings;

    /**
     * The shadow tables start empty and grow during the rebuild, with no statistics until autovacuum's next analyse:
     * a prepared statement's generic plan made while a table was empty (a sequential scan) would be kept for the
     * whole rebuild, each batch's load of its cases scanning a table of up to all the cases. Planned anew at each
     * execution, the planner sees the table's current size.
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /**
     * A custom plan is not enough while a shadow table has no statistics: the planner knows its size but not how
     * many rows {@code case_id = ANY (?)} matches, guesses a share of the table, and for a batch's 200 cases of a
     * {@code case_deadline} of 350,000 rows chose a parallel sequential scan (38–68 ms, growing with the table: the
     * deadlines rebuild at 100,000 cases waited 56 s of its 68 on these loads) over the primary key's index
     * (1.3 ms; measured with {@code EXPLAIN ANALYZE} on a copy of the table never analysed). Every statement of a
     * rebuild reads or writes the rows of given cases, or of given keys, through an index; {@code enable_seqscan =
     * off} makes the planner take one wherever there is one (it still scans a table that has none), and no parallel
     * workers are started for a read of a few hundred rows.
     */
    private static final String INDEXED_LOADS = "SET LOCAL enable_seqscan = off; "
            + "SET LOCAL max_parallel_workers_per_gather = 0";

    /**
     * A rebuild commits a transaction for every batch, and with {@code synchronous_commit} on each commit waits for
     * its WAL to be flushed to disk. Nothing a rebuild commits needs that wait: its rows are in a shadow schema no
     * reader sees, and its token commits with them. If PostgreSQL crashes, what it may lose is the last few
     * rebuild transactions (at most three times {@code wal_writer_delay}), and always a suffix of them, rows and
     * token together (WAL is replayed in order, and a transaction is never half-kept), so the rebuild resumes from
     * the token that survived and applies those events again. The transaction that makes a rebuild visible
     * ({@link ShadowTables#switchIn}) is not one of these and commits durably, as every write of the command side
     * and of the live projections does; its flush carries the WAL of every rebuild transaction before it.
     * <p>
     * A rebuild's {@link BulkReplay} is not one of these either ({@link #waitingForFlush}): its position lives in
     * memory, not in a token committed with its rows, and the processor goes on from it; a commit lost in a crash
     * would leave its events out of the rebuilt tables for good.
     */
    private static final String NO_FLUSH_WAIT = "SET LOCAL synchronous_commit = off";

    /**
     * Transactions of a rebuild's processor, which commits its tokens with its rows: they do not wait for the WAL
     * flush ({@link #NO_FLUSH_WAIT}).
     *
     * @param schema a schema name built by this package from a validated projection name, never input
     */
    ShadowSchemaTransactionManager(PlatformTransactionManager transactions, DataSource dataSource, String schema) {
        this(transactions, dataSource, schema, false);
    }

    private ShadowSchemaTransactionManager(PlatformTransactionManager transactions, DataSource dataSource,
                                           String schema, boolean waitForFlush) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.settings = "SET LOCAL search_path TO " + schema + ", public; " + CUSTOM_PLANS + "; " + INDEXED_LOADS
                + (waitForFlush ? "" : "; " + NO_FLUSH_WAIT);
    }

    /**
     * Transactions whose commits wait for the WAL flush as the database is configured (every other setting as
     * for the processor): for a rebuild's {@link BulkReplay}, which keeps what it committed in memory, and for the
     * tokens it hands to the processor.
     *
     * @param schema a schema name built by this package from a validated projection name, never input
     */
    static ShadowSchemaTransactionManager waitingForFlush(PlatformTransactionManager transactions,
                                                          DataSource dataSource, String schema) {
        return new ShadowSchemaTransactionManager(transactions, dataSource, schema, true);
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            // Also when joining a transaction already open on this thread: only the rebuild processor's threads
            // use this manager, and its handlers must never write the live tables.
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (Statement statement = connection.createStatement()) {
                statement.execute(settings); // every setting, one round trip per batch
            }
        } catch (SQLException | RuntimeException e) {
            if (status.isNewTransaction() && !status.isCompleted()) {
                transactions.rollback(status);
            }
            throw new IllegalStateException("Could not point the rebuild's transaction at its shadow schema", e);
        }
        return new Transaction() {
            @Override
            public void commit() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                if (status.isNewTransaction() && !status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
