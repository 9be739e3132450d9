package vn.childprotection.casetracker.platform.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-child AES-256 data keys in the {@code child_key} table, outside the event store, each stored wrapped under a
 * key-encryption key held outside the database ({@link KeyEncryptionKeys}): {@code kek_id} and {@code wrapped_key}.
 * Deleting a child's row makes every encrypted field of that child unreadable for good (crypto-shredding).
 * <p>
 * A row of a store from before envelope encryption may still hold its raw key in {@code key_material} until
 * {@link ChildKeyRewrapping} has wrapped it at start; it is read as it is meanwhile. New keys are written wrapped
 * only.
 * <p>
 * Within one transaction a child's key is fetched (or created) once: a command that seals several values of the
 * same child (a report seals up to five) reads the row, wraps and unwraps once, not once per value. The key is
 * forgotten when the transaction ends, whether it commits or rolls back, and when {@link #erase} deletes the row;
 * nothing is kept across transactions, so an erasure committed elsewhere is seen by the next transaction.
 */
@Component
public class ChildKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a row holds: the wrapped key, or (before conversion) the raw one. */
    private record StoredKey(byte[] raw, String kekId, byte[] wrapped) {
    }

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;

    public ChildKeyStore(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.keks = keks;
    }

    /**
     * The child's key, created (and stored wrapped) if the child has none yet; within one transaction the same key
     * object for the same child, read or created by the first call.
     *
     * @throws KeyUnwrapFailed when the child's stored key does not open (see {@link #find})
     */
    public SecretKey getOrCreate(String childId) {
        Map<String, SecretKey> known = keysOfThisTransaction();
        if (known == null) {
            return fetchOrCreate(childId);
        }
        SecretKey key = known.get(childId);
        if (key == null) {
            key = fetchOrCreate(childId);
            known.put(childId, key);
        }
        return key;
    }

    /**
     * Deletes the child's key (crypto-shredding, in the caller's transaction) and forgets it in this transaction.
     *
     * @return whether a row was deleted
     */
    public boolean erase(String childId) {
        Map<String, SecretKey> known = keysOfThisTransaction();
        if (known != null) {
            known.remove(childId);
        }
        return jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId) > 0;
    }

    private SecretKey fetchOrCreate(String childId) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        WrappedKey wrapped = keks.wrap(childId, material);
        // One round trip: a row of NULLs if this call created the row (the new key is then ours), else the row there.
        List<StoredKey> rows = jdbc.query("""
                WITH created AS (
                    INSERT INTO child_key (child_id, kek_id, wrapped_key) VALUES (?, ?, ?)
                    ON CONFLICT (child_id) DO NOTHING
                    RETURNING child_id)
                SELECT key_material, kek_id, wrapped_key FROM child_key
                WHERE child_id = ? AND NOT EXISTS (SELECT 1 FROM created)
                UNION ALL
                SELECT NULL, NULL, NULL FROM created
                """, (rs, i) -> new StoredKey(rs.getBytes(1), rs.getString(2), rs.getBytes(3)),
                childId, wrapped.kekId(), wrapped.wrapped(), childId);
        if (rows.isEmpty()) {
            // Another transaction created it while this statement waited; its snapshot could not see the row.
            return find(childId).orElseThrow(() -> new IllegalStateException("Key of child vanished while created"));
        }
        StoredKey row = rows.get(0);
        return row.raw() == null && row.wrapped() == null ? new SecretKeySpec(material, "AES") : open(childId, row);
    }

    /**
     * Creates a fresh key for each of many new children with one batched statement, each stored wrapped as
     * {@link #getOrCreate} stores it; in the caller's transaction.
     *
     * @param childIds children that have no key yet
     * @return each child's new key
     * @throws org.springframework.dao.DuplicateKeyException when one of them already has a key
     */
    public Map<String, SecretKey> createAll(Collection<String> childIds) {
        Map<String, SecretKey> created = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(childIds.size());
        for (String childId : childIds) {
            byte[] material = new byte[32];
            RANDOM.nextBytes(material);
            WrappedKey wrapped = keks.wrap(childId, material);
            rows.add(new Object[] {childId, wrapped.kekId(), wrapped.wrapped()});
            created.put(childId, new SecretKeySpec(material, "AES"));
        }
        jdbc.batchUpdate("INSERT INTO child_key (child_id, kek_id, wrapped_key) VALUES (?, ?, ?)", rows);
        return created;
    }

    /**
     * @return the child's key, or empty when the child has none (never had one, or erased)
     * @throws KeyUnwrapFailed when the stored key does not open: its key-encryption key is unknown, or the row was
     *                         changed or copied from another child
     */
    public Optional<SecretKey> find(String childId) {
        List<StoredKey> rows = jdbc.query("SELECT key_material, kek_id, wrapped_key FROM child_key WHERE child_id = ?",
                (rs, i) -> new StoredKey(rs.getBytes(1), rs.getString(2), rs.getBytes(3)), childId);
        return rows.stream().findFirst().map(row -> open(childId, row));
    }

    /**
     * Many children's keys with one statement.
     *
     * @param childIds any number of children
     * @return the key of each child that has one (not erased), by child id
     * @throws KeyUnwrapFailed when a stored key does not open (see {@link #find})
     */
    public Map<String, SecretKey> findAll(Collection<String> childIds) {
        Map<String, SecretKey> found = new LinkedHashMap<>();
        jdbc.query("SELECT child_id, key_material, kek_id, wrapped_key FROM child_key WHERE child_id = ANY(?)",
                rs -> {
                    String childId = rs.getString(1);
                    found.put(childId, open(childId, new StoredKey(rs.getBytes(2), rs.getString(3), rs.getBytes(4))));
                }, (Object) childIds.toArray(String[]::new));
        return found;
    }

    private SecretKey open(String childId, StoredKey row) {
        if (row.wrapped() != null) {
            return new SecretKeySpec(keks.unwrap(childId, new WrappedKey(row.kekId(), row.wrapped())), "AES");
        }
        return new SecretKeySpec(row.raw(), "AES");
    }

    /**
     * The keys already fetched in the current transaction, or null outside one. Bound to the transaction as a
     * resource of this store, unbound when it completes; a transaction suspended for another (REQUIRES_NEW) takes
     * its keys along, so the inner one never sees a key whose row the outer one has not committed.
     */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> keysOfThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<String, SecretKey> known = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (known == null) {
            Map<String, SecretKey> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChildKeyStore.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(ChildKeyStore.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChildKeyStore.this);
                }
            });
            known = fresh;
        }
        return known;
    }
}
