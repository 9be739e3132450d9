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
        jdbc.update("INSERT INTO child_key (child_id, key_material) VALUES (?, ?) ON CONFLICT (child_id) DO NOTHING",
                childId, material);
        return find(childId).orElseThrow(() -> new IllegalStateException("Key of child vanished while created"));
    }

    public Optional<SecretKey> find(String childId) {
        List<byte[]> rows = jdbc.query("SELECT key_material FROM child_key WHERE child_id = ?",
                (rs, i) -> rs.getBytes(1), childId);
        return rows.stream().findFirst().map(bytes -> new SecretKeySpec(bytes, "AES"));
    }
}
