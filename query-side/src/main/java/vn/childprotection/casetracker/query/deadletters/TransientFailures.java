package vn.childprotection.casetracker.query.deadletters;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure of the infrastructure, which goes away by itself, from a failure of a handler on one event, which
 * does not.
 * <p>
 * Transient: the database unreachable or restarting, a connection lost or not obtained in time (SQLSTATE class 08,
 * 57P01-57P03, Hikari's {@link java.sql.SQLTransientConnectionException}), a transaction that lost a serialization
 * conflict or a deadlock (40001, 40P01, any class 40), a lock or statement timeout (55P03, 57014), the server out of
 * resources (class 53) or failing on I/O (class 58), a network {@link IOException}, Spring's transient and resource-failure exceptions, and a
 * transaction that could not be begun or rolled back. Everything else (bad data for a column, a constraint, a bug
 * in a handler, an event that cannot be read) is the handler's own failure on that event.
 */
public final class TransientFailures {

    private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "40", "53", "58");
    private static final Set<String> SQL_STATES = Set.of("55P03", "57014", "57P01", "57P02", "57P03");

    private TransientFailures() {
    }

    /**
     * Whether {@code failure}, or any exception in its cause chain, is transient (see the class comment).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof AxonTransientException || t instanceof TimeoutException
                    || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && state.length() == 5
                && (SQL_STATE_CLASSES.contains(state.substring(0, 2)) || SQL_STATES.contains(state));
    }
}
