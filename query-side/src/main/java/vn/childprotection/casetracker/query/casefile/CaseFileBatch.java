package vn.childprotection.casetracker.query.casefile;

import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.query.projection.CaseFolds;

/**
 * How the case file documents of one batch of events are read (all the batch's cases in one query, Jackson binding
 * each row's JSON to a {@link CaseFileDocument}) and written (the changed ones in one batch statement, each unless
 * the row already holds a later version); see {@link CaseFolds}.
 */
final class CaseFileBatch {

    private static final String READ = "SELECT case_id, doc FROM case_file WHERE case_id = ANY (?)";

    private static final String WRITE = """
            INSERT INTO case_file (case_id, commune_code, status, version, doc, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (case_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, status = EXCLUDED.status,
                version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at
            WHERE case_file.version < EXCLUDED.version""";

    private final JdbcTemplate jdbc;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    /**
     * @param json the service's mapper; documents are read leniently (a field this version does not know is
     *             dropped when the case is next written, a field missing reads as absent)
     */
    CaseFileBatch(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.reader = json.readerFor(CaseFileDocument.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.writer = json.writerFor(CaseFileDocument.class);
    }

    /** The documents of the current batch of {@code projection}. */
    CaseFolds<CaseFileDocument> of(CaseFileProjection projection) {
        return CaseFolds.of(projection, jdbc, READ, (rs, i) -> read(rs.getString(2)),
                (batch, changed) -> changed.forEach((caseId, doc) -> batch.add(WRITE, caseId, doc.communeCode(),
                        doc.status().name(), doc.version(), write(doc), doc.updatedAt().atOffset(ZoneOffset.UTC))));
    }

    /** The document a row's {@code doc} holds. */
    CaseFileDocument read(String storedJson) {
        return reader.readValue(storedJson);
    }

    /** The JSON text stored for the document. */
    String write(CaseFileDocument doc) {
        return writer.writeValueAsString(doc);
    }
}
