package vn.childprotection.casetracker.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows a batch collected for one statement as multi-row {@code INSERT}s where that means the same:
 * {@code INSERT INTO t (…) VALUES (…)} alone or with {@code ON CONFLICT [(…)] DO NOTHING}, in chunks of
 * {@value #CHUNK} and then {@value #SMALL_CHUNK} rows (one statement each, sent as one JDBC batch), the rows left over
 * one by one; every other statement row by row, as a JDBC batch.
 * <p>
 * Why: PostgreSQL plans and executes each row of a JDBC batch as a statement of its own; a rebuild of the case history
 * spent 33.8 s of PostgreSQL CPU on 1.3 million rows that PostgreSQL's own {@code COPY} writes in 6.5 s
 * (docs/benchmarks.md, "The bound on 2 cores"). Rows in one statement cost one plan and one executor start.
 * <p>
 * Why not the driver's {@code reWriteBatchedInserts}: it also merges {@code ON CONFLICT … DO UPDATE}, and a batch that
 * upserts one key twice (the audit trail's time limits do) then fails with "ON CONFLICT DO UPDATE command cannot
 * affect row a second time". With {@code DO NOTHING}, or none, one statement of many rows writes what the rows one by
 * one write, in the same order: a row whose key an earlier row of the batch took is skipped in both, and a violation
 * fails the whole batch in both.
 * <p>
 * A statement is recognised by its text alone (the projections' own constants; never a request's): one
 * parenthesised tuple after {@code VALUES} with exactly one {@code ?} per value of the row (a cast such as
 * {@code ?::jsonb} is kept), no quotes, nothing after it but the {@code DO NOTHING} clause.
 */
final class MultiRowInserts {

    /** Rows per statement. */
    static final int CHUNK = 100;

    /** Rows per statement for what is left after the chunks of {@link #CHUNK}. */
    static final int SMALL_CHUNK = 10;

    private static final Pattern HEAD = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+[a-z_][a-z0-9_.]*\\s*\\([a-z0-9_,\\s]+\\)\\s*VALUES\\s*");
    private static final Pattern TAIL = Pattern.compile(
            "(?is)\\s*(ON\\s+CONFLICT\\s*(\\([a-z0-9_,\\s]+\\))?\\s*DO\\s+NOTHING)?\\s*");

    /** Statement texts read before: the recognised shape, or {@link Shape#NONE}. */
    private static final Map<String, Shape> SHAPES = new ConcurrentHashMap<>();

    private MultiRowInserts() {
    }

    /**
     * Writes {@code rows} of statement {@code sql}, each row the statement's arguments in order.
     */
    static void write(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        Shape shape = SHAPES.computeIfAbsent(sql, MultiRowInserts::shape);
        int next = 0;
        if (shape != Shape.NONE && rows.stream().allMatch(row -> row.length == shape.parameters)) {
            next = writeChunks(jdbc, shape, rows, next, CHUNK);
            next = writeChunks(jdbc, shape, rows, next, SMALL_CHUNK);
        }
        if (next < rows.size()) {
            jdbc.batchUpdate(sql, next == 0 ? rows : rows.subList(next, rows.size()));
        }
    }

    /** Writes as many whole chunks of {@code size} rows as there are from {@code from}; returns the next row. */
    private static int writeChunks(JdbcTemplate jdbc, Shape shape, List<Object[]> rows, int from, int size) {
        int chunks = (rows.size() - from) / size;
        if (chunks == 0) {
            return from;
        }
        List<Object[]> arguments = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            Object[] flat = new Object[size * shape.parameters];
            for (int row = 0; row < size; row++) {
                System.arraycopy(rows.get(from + chunk * size + row), 0, flat, row * shape.parameters,
                        shape.parameters);
            }
            arguments.add(flat);
        }
        jdbc.batchUpdate(shape.sql(size), arguments);
        return from + chunks * size;
    }

    /** The statement's shape, or {@link Shape#NONE} when it is not one this class merges. */
    static Shape shape(String sql) {
        var head = HEAD.matcher(sql);
        if (!head.lookingAt() || sql.indexOf('\'') >= 0 || sql.indexOf('"') >= 0 || sql.indexOf(';') >= 0) {
            return Shape.NONE;
        }
        int open = head.end();
        if (open >= sql.length() || sql.charAt(open) != '(') {
            return Shape.NONE;
        }
        int depth = 0;
        int close = -1;
        for (int i = open; i < sql.length() && close < 0; i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                close = i;
            }
        }
        if (close < 0 || !TAIL.matcher(sql.substring(close + 1)).matches()) {
            return Shape.NONE;
        }
        String tuple = sql.substring(open, close + 1);
        String[] values = tuple.substring(1, tuple.length() - 1).split(",", -1);
        for (String value : values) {
            if (!value.strip().toLowerCase(Locale.ROOT).matches("\\?(::[a-z0-9_]+)?")) {
                return Shape.NONE; // a function, a constant, or a ? nested in an expression
            }
        }
        return new Shape(sql.substring(0, open), tuple, sql.substring(close + 1), values.length);
    }

    /**
     * A recognised statement: what precedes the tuple, the tuple, what follows it, and the parameters of one row.
     */
    record Shape(String head, String tuple, String tail, int parameters) {

        static final Shape NONE = new Shape("", "", "", -1);

        /** The statement for {@code rows} rows. */
        String sql(int rows) {
            StringBuilder sql = new StringBuilder(head.length() + rows * (tuple.length() + 2) + tail.length());
            sql.append(head);
            for (int row = 0; row < rows; row++) {
                sql.append(row == 0 ? "" : ", ").append(tuple);
            }
            return sql.append(tail).toString();
        }
    }
}
