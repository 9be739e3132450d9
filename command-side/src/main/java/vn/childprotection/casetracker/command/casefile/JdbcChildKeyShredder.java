package vn.childprotection.casetracker.command.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.crypto.ChildKeyStore;

/**
 * Deletes the key row and the child's idempotency records (whose keyed hashes, with the server secret, could still
 * confirm a guessed identity); runs in the command's Spring transaction, so the erasure event and the deletions
 * commit or roll back together.
 */
@Component
class JdbcChildKeyShredder implements ChildKeyShredder {

    private final JdbcTemplate jdbc;
    private final ChildKeyStore keys;

    JdbcChildKeyShredder(JdbcTemplate jdbc, ChildKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void shred(String childId) {
        // First wait for, and then hold off, any report naming this child (it takes these rows FOR SHARE): a report
        // that committed its idempotency record is then visible to the DELETE below, and a later one sees the
        // erasure.
        jdbc.queryForList("SELECT 1 FROM known_child_commune WHERE child_id = ? FOR UPDATE", Integer.class, childId);
        keys.erase(childId);
        jdbc.update("DELETE FROM idempotency_key WHERE child_id = ?", childId);
    }
}
