package vn.childprotection.casetracker.query.access;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the {@link CaseReach} of a case in the case file projection, for reads that answer from other tables (the
 * history, break-the-glass). A case the case file does not hold yet is unknown here: the answer is as fresh as the
 * case file group.
 */
@Component
public class CaseReaches {

    /**
     * Only the members of the stored document that {@link CaseReach#of} reads, cut out by PostgreSQL, so that a read
     * of another table (a history) neither transfers nor parses the whole case file; a member the document lacks is
     * JSON null, which {@link CaseReach#of} reads as absent.
     */
    private static final String REACH = """
            SELECT jsonb_build_object('caseId', doc->'caseId', 'communeCode', doc->'communeCode',
                                      'status', doc->'status', 'pendingTransfer', doc->'pendingTransfer',
                                      'child', jsonb_build_object('childId', doc->'child'->'childId'),
                                      'identityErasedAt', doc->'identityErasedAt',
                                      'plan', CASE WHEN jsonb_typeof(doc->'plan') <> 'object' THEN doc->'plan'
                                                   WHEN doc->'plan'->'interventions' IS NULL THEN '{}'::jsonb
                                                   ELSE jsonb_build_object('interventions',
                                                                           doc->'plan'->'interventions') END)::text
            FROM case_file WHERE case_id = ?""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CaseReaches(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @return the reach of the case, or empty when the case file does not hold it
     */
    public Optional<CaseReach> find(String caseId) {
        return jdbc.query(REACH, (rs, i) -> CaseReach.of(json.readTree(rs.getString(1))), caseId).stream()
                .findFirst();
    }
}
