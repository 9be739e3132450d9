package vn.childprotection.casetracker.query.projection;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a case folded per batch ({@link CaseFolds}) when a projection keeps it as one head row
 * {@code (case_id, commune_code, version)} and rows of its own in other tables: the heads read with one query, and a
 * changed case written when the batch commits, its head only if the table holds no later version, of its other
 * rows only those that changed.
 * <p>
 * Table names and statements are fixed texts of the projection, never input.
 */
public final class CaseRows {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private CaseRows() {
    }

    /**
     * Reads the head rows of the given cases.
     *
     * @param table the head table, with columns {@code case_id}, {@code commune_code} and {@code version}
     * @param ids   the cases wanted, a SQL {@code text[]}
     * @param head  makes a case's value from its commune code and version
     * @return each case found with its value, in no particular order
     */
    public static <T> Map<String, T> loadHeads(JdbcTemplate jdbc, String table, Array ids,
                                               BiFunction<String, Long, T> head) {
        Map<String, T> cases = new LinkedHashMap<>();
        jdbc.query("SELECT case_id, commune_code, version FROM " + checked(table) + " WHERE case_id = ANY (?)",
                rs -> {
                    cases.put(rs.getString(1), head.apply(rs.getString(2), rs.getLong(3)));
                }, ids);
        return cases;
    }

    /**
     * Adds to the batch the head row of each changed case, written unless the table holds a later version.
     *
     * @param table   the head table, with columns {@code case_id} (its key), {@code commune_code} and {@code version}
     * @param changed the cases changed in the batch, by case id
     */
    public static <T> void writeHeads(ProjectionBatch batch, String table, Map<String, T> changed,
                                      Function<T, String> communeCode, ToLongFunction<T> version) {
        String upsert = "INSERT INTO " + checked(table) + " (case_id, commune_code, version) VALUES (?, ?, ?)"
                + " ON CONFLICT (case_id) DO UPDATE SET commune_code = EXCLUDED.commune_code,"
                + " version = EXCLUDED.version WHERE " + table + ".version < EXCLUDED.version";
        changed.forEach((caseId, value) -> batch.add(upsert, caseId, communeCode.apply(value),
                version.applyAsLong(value)));
    }

    /**
     * Adds to the batch what turns the stored rows of each changed case in {@code table} into the rows it has now,
     * touching only the rows that differ: a row gone or changed is deleted (by case id and key), a row new or
     * changed is inserted. A case with no value as loaded has its rows deleted by case id first (there should be
     * none: a projection writes a case's head and rows together), then all inserted.
     * <p>
     * Why not every row afresh: a batch usually changes one or two rows of a case (a time limit met, an intervention
     * accepted), and a case's rows sit under several indexes; deleting and inserting all of them made PostgreSQL's
     * writes the bound of the deadlines rebuild at 100,000 cases. Correct because the case's rows as loaded are what
     * the table holds until the batch writes (only this batch's transaction writes the case: one segment handles all
     * of a case's events), and a row judged unchanged is equal to the one read from the table; a row that compares
     * unequal for a reason the table does not keep (an instant's offset or nanoseconds) is merely written again.
     * All deletes are added before any insert, so a changed row's delete runs first.
     *
     * @param table     the table, with a column {@code case_id} and {@code keyColumn} as its primary key
     * @param keyColumn the column that names a row within its case (a fixed name of the projection)
     * @param insert    the statement that inserts one row
     * @param changed   the cases changed in the batch, by case id, as the batch leaves them
     * @param asLoaded  the same cases as this batch's transaction read them ({@link CaseFolds.Writer}); a case left
     *                  out had no value
     * @param rows      the rows of a case value
     * @param key       a row's value of {@code keyColumn}
     * @param arguments the arguments of {@code insert} for a case id and one of its rows
     * @throws IllegalArgumentException if {@code table} or {@code keyColumn} is not a lower-case SQL name
     */
    public static <T, R> void writeChangedRows(ProjectionBatch batch, String table, String keyColumn, String insert,
                                               Map<String, T> changed, Map<String, T> asLoaded,
                                               Function<T, Collection<R>> rows, Function<R, String> key,
                                               BiFunction<String, R, Object[]> arguments) {
        String deleteCase = "DELETE FROM " + checked(table) + " WHERE case_id = ?";
        String deleteRow = deleteCase + " AND " + checked(keyColumn) + " = ?";
        List<Object[]> inserts = new ArrayList<>();
        changed.forEach((caseId, value) -> {
            T before = asLoaded.get(caseId);
            if (before == null) {
                batch.add(deleteCase, caseId);
                rows.apply(value).forEach(row -> inserts.add(arguments.apply(caseId, row)));
                return;
            }
            Map<String, R> stored = new HashMap<>();
            rows.apply(before).forEach(row -> stored.put(key.apply(row), row));
            for (R row : rows.apply(value)) {
                String rowKey = key.apply(row);
                R old = stored.remove(rowKey);
                if (row.equals(old)) {
                    continue;
                }
                if (old != null) {
                    batch.add(deleteRow, caseId, rowKey);
                }
                inserts.add(arguments.apply(caseId, row));
            }
            stored.keySet().forEach(gone -> batch.add(deleteRow, caseId, gone));
        });
        inserts.forEach(row -> batch.add(insert, row));
    }

    private static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name of a projection: " + table);
        }
        return table;
    }
}
