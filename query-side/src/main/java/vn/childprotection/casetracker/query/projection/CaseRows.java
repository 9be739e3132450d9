package vn.childprotection.casetracker.query.projection;

import java.sql.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a case folded per batch ({@link CaseFolds}) when a projection keeps it as one head row
 * {@code (case_id, commune_code, version)} and rows of its own in other tables: the heads read with one query, and a
 * changed case written afresh when the batch commits, its head only if the table holds no later version, its other
 * rows deleted and inserted again.
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
     * Adds to the batch what replaces the rows of each changed case in {@code table}: a delete of the case's rows,
     * then an insert per row it has now.
     *
     * @param table     the table, with a column {@code case_id}
     * @param insert    the statement that inserts one row
     * @param changed   the cases changed in the batch, by case id
     * @param rows      the rows of a case now
     * @param arguments the arguments of {@code insert} for a case id and one of its rows
     */
    public static <T, R> void replaceRows(ProjectionBatch batch, String table, String insert, Map<String, T> changed,
                                          Function<T, Collection<R>> rows,
                                          BiFunction<String, R, Object[]> arguments) {
        String delete = "DELETE FROM " + checked(table) + " WHERE case_id = ?";
        changed.keySet().forEach(caseId -> batch.add(delete, caseId));
        changed.forEach((caseId, value) -> rows.apply(value)
                .forEach(row -> batch.add(insert, arguments.apply(caseId, row))));
    }

    private static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name of a projection: " + table);
        }
        return table;
    }
}
