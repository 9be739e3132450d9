package vn.childprotection.casetracker.query.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL of one keyset page: {@code SELECT ... WHERE <filters> AND (<sort key>) > (<cursor's key>) ORDER BY <sort
 * key> LIMIT ?}. A list whose sort key ends with columns that make the order total, and whose filters and sort key
 * are the columns of one index (in that order), is read as an index range scan of {@code rows} entries, whatever the
 * size of the list: no rows are skipped, none are sorted.
 * <p>
 * Every piece of SQL comes from the calling class (fixed text); values only ever travel as arguments.
 *
 * @param sortKey        the sort key's columns or expressions, most significant first
 * @param latestFirst    true to read the whole key backwards ({@code DESC} on each part, {@code <} after the cursor)
 */
public record KeysetQuery(List<String> sortKey, boolean latestFirst) {

    public KeysetQuery {
        sortKey = List.copyOf(sortKey);
        if (sortKey.isEmpty()) {
            throw new IllegalArgumentException("a sort key has at least one column");
        }
    }

    /** A sort key read in ascending order. */
    public static KeysetQuery ascending(String... sortKey) {
        return new KeysetQuery(List.of(sortKey), false);
    }

    /** The same sort key, read backwards when {@code latestFirst}. */
    public KeysetQuery reversedWhen(boolean reversed) {
        return new KeysetQuery(sortKey, reversed != latestFirst);
    }

    /**
     * The SQL of a page and its arguments.
     *
     * @param select     {@code SELECT <columns> FROM <table>}, without a WHERE clause
     * @param conditions the filters, each a condition with {@code ?} for its values (joined with {@code AND});
     *                   may be empty
     * @param arguments  the filters' values in the order of their {@code ?}; the cursor's key and the limit are
     *                   added after them
     * @param after      the cursor's key, empty on the first page
     * @param keyValues  reads the cursor's key into the values of {@link #sortKey()}, one per part, each of the
     *                   column's type (a value a cursor cannot hold is a 400 naming {@code cursor}, see
     *                   {@link CursorKey})
     * @param rows       how many rows to read, usually {@link PageRequest#rowsToRead()}
     * @return the statement and its arguments
     */
    public Statement page(String select, List<String> conditions, List<Object> arguments, Optional<CursorKey> after,
                          Function<CursorKey, List<Object>> keyValues, int rows) {
        List<String> where = new ArrayList<>(conditions);
        List<Object> values = new ArrayList<>(arguments);
        after.ifPresent(key -> {
            List<Object> keyArguments = keyValues.apply(key);
            if (keyArguments.size() != sortKey.size()) {
                throw new IllegalArgumentException("the key has " + sortKey.size() + " parts");
            }
            where.add("(" + String.join(", ", sortKey) + ") " + (latestFirst ? "<" : ">") + " ("
                    + String.join(", ", sortKey.stream().map(part -> "?").toList()) + ")");
            values.addAll(keyArguments);
        });
        values.add(rows);
        return new Statement(select + where(where) + orderBy() + " LIMIT ?", values);
    }

    /** {@code ORDER BY} the sort key, each part {@code DESC} when read backwards. */
    public String orderBy() {
        return " ORDER BY " + String.join(", ", latestFirst
                ? sortKey.stream().map(part -> part + " DESC").toList() : sortKey);
    }

    /** {@code WHERE} the conditions joined by {@code AND}, or nothing when there are none. */
    public static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * A statement with its arguments, in the order of its {@code ?}.
     */
    public record Statement(String sql, List<Object> arguments) {

        public Statement {
            Objects.requireNonNull(sql, "sql");
            arguments = List.copyOf(arguments);
        }

        /** The arguments as JdbcTemplate takes them. */
        public Object[] values() {
            return arguments.toArray();
        }
    }
}
