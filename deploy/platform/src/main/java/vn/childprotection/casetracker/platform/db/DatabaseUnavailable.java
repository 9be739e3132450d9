package vn.childprotection.casetracker.platform.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached (rather than a fault of the request or of the code),
 * wherever it surfaced: the pool's time-out, a connection that broke, PostgreSQL shutting down or still starting,
 * as thrown by JDBC and as wrapped by Spring or Axon.
 */
public final class DatabaseUnavailable {

    private static final String CLOSED_POOL_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseUnavailable() {
    }

    /**
     * @param failure any throwable; its whole cause chain is examined
     * @return true when some cause says the database is unreachable: a {@link SQLTransientConnectionException}
     * (Hikari's connection time-out), a {@link SQLNonTransientConnectionException}, an {@link SQLException} of
     * SQLSTATE class 08 (connection exception) or 57P01–57P03 (shut down, crashed, starting) or thrown by a pool
     * connection Hikari has closed as broken, Spring's
     * {@link DataAccessResourceFailureException} or {@link CannotCreateTransactionException}, or a
     * {@link ConnectException}
     */
    public static boolean isCauseOf(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof SQLException && thrownByClosedPoolConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari closes a connection it found broken and answers every later call on it (a rollback after a failed
     * commit, say) with an SQLException without SQLSTATE, thrown by its closed-connection stand-in.
     */
    private static boolean thrownByClosedPoolConnection(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(CLOSED_POOL_CONNECTION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The classes and SQLSTATEs of a cause chain, without messages (they may quote input), for the log.
     */
    public static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                chain.append(" [SQLSTATE ").append(sql.getSQLState()).append(']');
            }
        }
        return chain.toString();
    }
}
