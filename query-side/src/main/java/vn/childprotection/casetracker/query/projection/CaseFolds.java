package vn.childprotection.casetracker.query.projection;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One value per case (a document or a row), folded in memory over one batch of events: the values of every case the
 * batch concerns are read with one query the first time the batch needs one, each event replaces its case's value,
 * and the values changed are written once when the batch commits ({@link ProjectionBatch}).
 * <p>
 * A value handed out by {@link #current} must not be changed in place: the handler builds a new value (or changes a
 * copy) and hands it back with {@link #replace}, so that a failed event leaves the batch's value as it was, and the
 * value as loaded stays what the stored rows hold: the batch's {@link Writer} gets both, so a projection that keeps
 * something derived from its rows (counts, {@code KeptCounts}) knows what the rows held without reading them again.
 *
 * @param <T> the folded value, immutable or copied before each change
 */
public final class CaseFolds<T> {

    private static final String LOADED = CaseFolds.class.getName() + "/loaded";

    /**
     * Reads the stored values of the given cases.
     *
     * @param <T> the folded value
     */
    @FunctionalInterface
    public interface Loader<T> {

        /**
         * @param caseIds the cases wanted, as a SQL {@code text[]} (bind it to a {@code = ANY (?)} parameter)
         * @param found   to be given each case found and its value; cases not given have none
         */
        void load(JdbcTemplate jdbc, Array caseIds, BiConsumer<String, T> found) throws SQLException;
    }

    /**
     * Turns the values a batch changed into rows of the batch ({@link ProjectionBatch#add}), knowing what each changed
     * case held before the batch.
     *
     * @param <T> the folded value
     */
    @FunctionalInterface
    public interface Writer<T> {

        /**
         * @param changed  the cases the batch changed, by case id, with their values as the batch leaves them
         * @param asLoaded the same cases with their values as this batch's transaction read them before any event
         *                 changed them, that is as they are stored until the batch writes; a case that had no value
         *                 is left out
         */
        void write(ProjectionBatch batch, Map<String, T> changed, Map<String, T> asLoaded);
    }

    private final ProjectionBatch batch;
    private final JdbcTemplate jdbc;
    private final Loader<T> loader;

    private CaseFolds(ProjectionBatch batch, JdbcTemplate jdbc, Loader<T> loader) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /**
     * The folded values of {@code projection} in the current batch.
     *
     * @param select a query with one parameter, a {@code text[]} of case ids, answering the case id in its first
     *               column; {@code rows} reads the value from the other columns
     * @param writer adds, when the batch is written, the rows that store the changed values (case id to value)
     */
    public static <T> CaseFolds<T> of(Object projection, JdbcTemplate jdbc, String select, RowMapper<T> rows,
                                      BiConsumer<ProjectionBatch, Map<String, T>> writer) {
        return of(projection, jdbc, select, rows, (Writer<T>) (batch, changed, asLoaded) -> writer.accept(batch,
                changed));
    }

    /**
     * As {@link #of(Object, JdbcTemplate, String, RowMapper, BiConsumer)}, for a writer that also needs the changed
     * cases' values as they were loaded (what the stored rows hold until the batch writes).
     */
    public static <T> CaseFolds<T> of(Object projection, JdbcTemplate jdbc, String select, RowMapper<T> rows,
                                      Writer<T> writer) {
        return of(projection, jdbc, (template, ids, found) -> template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select);
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            found.accept(rs.getString(1), rows.mapRow(rs, 0));
        }), writer);
    }

    /**
     * As {@link #of(Object, JdbcTemplate, String, RowMapper, BiConsumer)}, for a value read by several queries (a
     * case and its rows in other tables).
     */
    public static <T> CaseFolds<T> of(Object projection, JdbcTemplate jdbc, Loader<T> loader,
                                      BiConsumer<ProjectionBatch, Map<String, T>> writer) {
        return of(projection, jdbc, loader, (Writer<T>) (batch, changed, asLoaded) -> writer.accept(batch, changed));
    }

    /**
     * As {@link #of(Object, JdbcTemplate, Loader, BiConsumer)}, for a writer that also needs the changed cases'
     * values as they were loaded (what the stored rows hold until the batch writes).
     */
    public static <T> CaseFolds<T> of(Object projection, JdbcTemplate jdbc, Loader<T> loader, Writer<T> writer) {
        ProjectionBatch batch = ProjectionBatch.of(projection, jdbc, b -> {
            @SuppressWarnings("unchecked")
            Map<String, T> changed = (Map<String, T>) (Map<String, ?>) b.changedDocuments();
            Map<String, T> asLoaded = new LinkedHashMap<>();
            changed.keySet().forEach(caseId -> {
                T loaded = b.loadedDocument(caseId);
                if (loaded != null) {
                    asLoaded.put(caseId, loaded);
                }
            });
            writer.write(b, changed, asLoaded);
        });
        return new CaseFolds<>(batch, jdbc, loader);
    }

    /** The case's value as the batch holds it now, or null when the case has none. */
    public T current(String caseId) {
        if (!batch.knows(caseId)) {
            load(caseId);
        }
        return batch.document(caseId);
    }

    /**
     * The case's value from now on; written when the batch commits. The case's stored value is read first if the
     * batch has not read it yet, so that a {@link Writer} always knows what a changed case held before.
     */
    public void replace(String caseId, T value) {
        if (!batch.knows(caseId)) {
            load(caseId);
        }
        batch.fold(caseId, value);
    }

    /**
     * Reads the values of every case of the batch not read yet (with {@code caseId}'s), and remembers the cases
     * that have none. The cases of the batch are its events' aggregate identifiers (a case's events are those of its
     * aggregate), so no event the projection does not handle is deserialised for this.
     */
    private void load(String caseId) {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(caseId);
        if (batch.document(LOADED) == null) {
            batch.loaded(LOADED, Boolean.TRUE);
            for (String aggregate : batch.aggregateIdentifiers()) {
                if (!batch.knows(aggregate)) {
                    wanted.add(aggregate);
                }
            }
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array ids = connection.createArrayOf("text", wanted.toArray());
            loader.load(jdbc, ids, batch::loaded);
            return null;
        });
        wanted.forEach(id -> batch.loaded(id, null));
    }
}
