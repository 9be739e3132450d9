package vn.childprotection.casetracker.query.casefile;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the case file projection.
 */
@Component
public class CaseFileQueries {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CaseFileQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredCaseFile> find(String caseId) {
        return jdbc.query("SELECT version, doc FROM case_file WHERE case_id = ?",
                        (rs, i) -> new StoredCaseFile(rs.getLong(1), json.readTree(rs.getString(2))), caseId)
                .stream().findFirst();
    }

    /**
     * A case file as stored: personal fields still sealed.
     *
     * @param version the number of events it holds
     */
    public record StoredCaseFile(long version, JsonNode doc) {
    }
}
