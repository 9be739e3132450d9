package vn.childprotection.casetracker.query.casefile;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.query.projection.CaseFolds;

/**
 * How the case file documents of one batch of events are read (all the batch's cases in one query) and written (the
 * changed ones in one batch statement, each unless the row already holds a later version); see {@link CaseFolds}.
 */
final class CaseFileBatch {

    private static final String READ = "SELECT case_id, doc FROM case_file WHERE case_id = ANY (?)";

    private static final String WRITE = """
            INSERT INTO case_file (case_id, commune_code, status, version, doc, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (case_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, status = EXCLUDED.status,
                version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at
            WHERE case_file.version < EXCLUDED.version""";

    private CaseFileBatch() {
    }

    static CaseFolds<ObjectNode> of(CaseFileProjection projection, JdbcTemplate jdbc, JsonMapper json) {
        return CaseFolds.of(projection, jdbc, READ, (rs, i) -> (ObjectNode) json.readTree(rs.getString(2)),
                (batch, changed) -> changed.forEach((caseId, doc) -> batch.add(WRITE, caseId,
                        doc.get("communeCode").asString(), doc.get("status").asString(), doc.get("version").asLong(),
                        json.writeValueAsString(doc),
                        Instant.parse(doc.get("updatedAt").asString()).atOffset(ZoneOffset.UTC))));
    }
}
