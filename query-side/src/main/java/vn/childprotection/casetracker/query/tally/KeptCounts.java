package vn.childprotection.casetracker.query.tally;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;

/**
 * A table of counts that a projection keeps beside the rows they count, one row per group (the key columns) with its
 * number of rows, so that an answer reads the counts instead of counting the rows: its cost grows with the number of
 * groups (communes, agencies, breakdown cells), not with the store.
 * <p>
 * <b>How a count is kept.</b> When a batch of the projection is written ({@link ProjectionBatch}), the projection
 * hands over, for the cases the batch changed, what their rows counted for as stored and what they count for now, both
 * {@link #tally tallied} from the case's folded values ({@code CaseFolds}): the values as the batch's transaction
 * loaded them before any event changed them (it loads a case before changing it, and writes nothing before the batch
 * commits, so they are what the stored rows hold), and the values the batch is about to write. {@link #addChanges}
 * adds the difference to each group's count in the same transaction as the rows: one
 * {@code INSERT ... ON CONFLICT DO UPDATE SET n = n + delta} per group that changed, in the order of the group keys,
 * then a delete of each count that fell to zero. No query reads the rows again for this.
 * <p>
 * <b>Why a count always equals what a {@code GROUP BY} over the rows gives.</b> Write C(g) for the count of group
 * g and R(g) for the number of rows of g.
 * <ol>
 *     <li>It holds when the table is made: the migration fills it from the rows under a lock that keeps the
 *     writers waiting, and a reset or a rebuild's shadow copy starts with no rows and no counts.</li>
 *     <li>The rows of a case are written by one segment only (the processors' sequencing policy is per case, the
 *     aggregate), so no other transaction changes them between the batch's read of the case (its load, in the
 *     batch's transaction) and the batch's commit: the difference added is exactly what this transaction changes in
 *     R(g).</li>
 *     <li>The counts and the rows commit or roll back together (one transaction; a batch whose writing fails is
 *     rolled back whole and handed again, event by event).</li>
 *     <li>Concurrent batches of other segments change the same C(g): each adds its own difference with one
 *     {@code ON CONFLICT DO UPDATE}, which PostgreSQL applies to the latest committed version of the row under its
 *     row lock (at READ COMMITTED it re-reads a row changed meanwhile; an insert that meets a concurrent one
 *     becomes an update), so additions never overwrite each other and C(g) is the sum of every committed
 *     difference. Every transaction locks the count rows it changes in one order (the keys' order), so two batches
 *     never wait for each other in a cycle.</li>
 *     <li>A count that falls to zero is deleted by the transaction that holds its row lock, so the table holds
 *     exactly the groups that have rows, as a {@code GROUP BY} does; a later addition inserts the row again. A
 *     {@code CHECK (n >= 0)} of the table turns a difference that would make a kept count negative (rows taken
 *     away that the count never had: a broken invariant, which only a rebuild mends) into a failed batch, whose
 *     event the dead-letter queue parks, rather than into a number; a difference taken from a group that has no
 *     row at all leaves it without one.</li>
 * </ol>
 * So after every commit C(g) = R(g) for every g. {@code KeptCountsTest} checks it against a {@code GROUP BY} over
 * the rows after random sequences of events and after a rebuild.
 * <p>
 * Table and column names are fixed texts of the projection, never input.
 */
public final class KeptCounts {

    private static final Pattern NAME = Pattern.compile("[a-z_]+");
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = a.get(i).compareTo(b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final int keySize;
    private final String add;
    private final String deleteEmpty;

    private KeptCounts(String table, String count, List<String> keyColumns) {
        Stream.concat(Stream.of(table, count), keyColumns.stream()).forEach(KeptCounts::checked);
        this.keySize = keyColumns.size();
        String keys = String.join(", ", keyColumns);
        // PostgreSQL checks the row an INSERT proposes (CHECK, NOT NULL) before it looks for a conflict, so the
        // row proposed for a group that exists already must pass the table's CHECK (count >= 0) whatever the
        // difference: it proposes the difference or zero, and the update adds the difference itself.
        this.add = "INSERT INTO " + table + " (" + keys + ", " + count + ") VALUES ("
                + "?, ".repeat(keySize) + "GREATEST(?, 0)) ON CONFLICT (" + keys + ") DO UPDATE SET " + count
                + " = " + table + "." + count + " + ?";
        this.deleteEmpty = "DELETE FROM " + table + " WHERE "
                + String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList()) + " AND " + count + " = 0";
    }

    /**
     * A count table.
     *
     * @param table      the table, whose primary key is {@code keyColumns} (all {@code NOT NULL} text)
     * @param count      its {@code BIGINT} column holding the number of rows of the group
     * @param keyColumns the columns of the group's key, in the order the keys of {@link #tally} give them
     */
    public static KeptCounts of(String table, String count, String... keyColumns) {
        if (keyColumns.length == 0) {
            throw new IllegalArgumentException("A count table needs at least one key column");
        }
        return new KeptCounts(table, count, List.of(keyColumns));
    }

    /**
     * Counts keys: each key once per time it occurs.
     *
     * @param keys one key per counted row (a list of the group's key values, none null)
     * @return the number of rows per key
     */
    public static Map<List<String>, Long> tally(Stream<List<String>> keys) {
        Map<List<String>, Long> counts = new HashMap<>();
        keys.forEach(key -> counts.merge(List.copyOf(key), 1L, Long::sum));
        return counts;
    }

    /**
     * Adds to the batch what changes the counts from {@code before} to {@code after} (see the class comment): one
     * addition per group whose number changed, in key order, then a delete of each group that may have fallen to
     * zero. The batch writes them after the statements added before (the rows themselves), in the same transaction.
     *
     * @param before what the changed cases' rows counted for as stored
     * @param after  what they count for as the batch leaves them
     */
    public void addChanges(ProjectionBatch batch, Map<List<String>, Long> before, Map<List<String>, Long> after) {
        Map<List<String>, Long> differences = new TreeMap<>(KEY_ORDER);
        after.forEach((key, n) -> differences.merge(checkedKey(key), n, Long::sum));
        before.forEach((key, n) -> differences.merge(checkedKey(key), -n, Long::sum));
        differences.forEach((key, difference) -> {
            if (difference != 0) {
                Object[] arguments = new Object[keySize + 2];
                key.toArray(arguments);
                arguments[keySize] = difference;
                arguments[keySize + 1] = difference;
                batch.add(add, arguments);
            }
        });
        differences.forEach((key, difference) -> {
            if (difference < 0) {
                batch.add(deleteEmpty, key.toArray());
            }
        });
    }

    private List<String> checkedKey(List<String> key) {
        if (key.size() != keySize || key.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("A count key has " + keySize + " values, none null: " + key);
        }
        return key;
    }

    private static void checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a table or column name of a projection: " + name);
        }
    }
}
