package vn.childprotection.casetracker.command.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.command.CommandSideApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The command side over real HTTP on its embedded PostgreSQL, one Spring context shared by every test that extends
 * this: the port, the database, a client, and how many events are stored (to show a refused request wrote nothing).
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
public abstract class CommandHttpTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** Every event stored, of every case. */
    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** The events stored of one case. */
    protected long eventsOf(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId);
    }
}
