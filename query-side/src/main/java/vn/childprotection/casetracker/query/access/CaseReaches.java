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

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CaseReaches(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CaseReach> find(String caseId) {
        return jdbc.query("SELECT doc FROM case_file WHERE case_id = ?",
                (rs, i) -> CaseReach.of(json.readTree(rs.getString(1))), caseId).stream().findFirst();
    }
}
