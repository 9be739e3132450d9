package vn.childprotection.casetracker.platform.crypto;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-child AES-256 keys in the {@code child_key} table, outside the event store. Deleting a child's key makes
 * every encrypted field of that child unreadable for good (crypto-shredding).
 */
@Component
public class ChildKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ChildKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The child's key, created if the child has none yet.
     */
    public SecretKey getOrCreate(String childId) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        // One round trip: the new key if this call created it, else the one already there.
        List<byte[]> rows = jdbc.query("""
                WITH created AS (
                    INSERT INTO child_key (child_id, key_material) VALUES (?, ?)
                    ON CONFLICT (child_id) DO NOTHING
                    RETURNING key_material)
                SELECT key_material FROM created
                UNION ALL
                SELECT key_material FROM child_key WHERE child_id = ? AND NOT EXISTS (SELECT 1 FROM created)
                """, (rs, i) -> rs.getBytes(1), childId, material, childId);
        if (rows.isEmpty()) {
            // Another transaction created it while this statement waited; its snapshot could not see the row.
            return find(childId).orElseThrow(() -> new IllegalStateException("Key of child vanished while created"));
        }
        return new SecretKeySpec(rows.get(0), "AES");
    }

    public Optional<SecretKey> find(String childId) {
        List<byte[]> rows = jdbc.query("SELECT key_material FROM child_key WHERE child_id = ?",
                (rs, i) -> rs.getBytes(1), childId);
        return rows.stream().findFirst().map(bytes -> new SecretKeySpec(bytes, "AES"));
    }
}
