package vn.childprotection.casetracker.query.casefile;

import java.sql.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;

/**
 * The case file documents of one batch of events: the documents of every case the batch concerns, read with one
 * query the first time the batch needs one, and the changed ones written with one batch statement when the batch
 * commits.
 * <p>
 * A document handed out by {@link #current} must not be changed in place: the case file projection changes a copy and
 * hands it back with {@link #replace}, so that a failed event leaves the batch's document as it was.
 */
final class CaseFileBatch {

    private static final String LOADED = "case-file-batch:loaded";

    private static final String WRITE = """
            INSERT INTO case_file (case_id, commune_code, status, version, doc, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (case_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, status = EXCLUDED.status,
                version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at
            WHERE case_file.version < EXCLUDED.version""";

    private final ProjectionBatch batch;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    private CaseFileBatch(ProjectionBatch batch, JdbcTemplate jdbc, JsonMapper json) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.json = json;
    }

    static CaseFileBatch of(CaseFileProjection projection, JdbcTemplate jdbc, JsonMapper json) {
        return new CaseFileBatch(ProjectionBatch.of(projection, jdbc, b -> write(b, json)), jdbc, json);
    }

    /**
     * The case's document as the batch holds it now, or null when the case has none (not reported here).
     */
    ObjectNode current(String caseId) {
        if (!batch.knows(caseId)) {
            load(caseId);
        }
        return batch.document(caseId);
    }

    /** The case's document from now on; written when the batch commits. */
    void replace(String caseId, ObjectNode document) {
        batch.fold(caseId, document);
    }

    /**
     * Reads the documents of every case of the batch not read yet (with {@code caseId}'s, even when the batch's
     * events do not name it), and remembers the cases that have none.
     */
    private void load(String caseId) {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(caseId);
        if (batch.document(LOADED) == null) {
            batch.loaded(LOADED, Boolean.TRUE);
            for (Object payload : batch.payloads()) {
                if (payload instanceof CaseEvent event && event.caseId() != null && !batch.knows(event.caseId())) {
                    wanted.add(event.caseId());
                }
            }
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT case_id, doc FROM case_file WHERE case_id = ANY (?)");
            Array ids = connection.createArrayOf("text", wanted.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            batch.loaded(rs.getString(1), json.readTree(rs.getString(2)));
        });
        wanted.forEach(id -> batch.loaded(id, null));
    }

    private static void write(ProjectionBatch batch, JsonMapper json) {
        batch.changedDocuments().forEach((caseId, value) -> {
            ObjectNode doc = (ObjectNode) value;
            batch.add(WRITE, caseId, doc.get("communeCode").asString(), doc.get("status").asString(),
                    doc.get("version").asLong(), json.writeValueAsString(doc),
                    Instant.parse(doc.get("updatedAt").asString()).atOffset(ZoneOffset.UTC));
        });
    }
}
