package vn.childprotection.casetracker.platform.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every {@code child_key} row under the current key-encryption key, in batches, without touching events:
 * <ul>
 *     <li>rows of a store from before envelope encryption (raw {@code key_material}) are wrapped and their raw key
 *     set to NULL ({@link #wrapRawKeys()}, at every start, before the service counts as started);</li>
 *     <li>after a rotation, rows under an older key-encryption key are unwrapped and wrapped again under the current
 *     one ({@link #rewrapAll()}, in the background, see {@link ChildKeyRewrappingSchedule}).</li>
 * </ul>
 * Each batch ({@code casetracker.crypto.rewrap-batch-size}, 1000 rows) is one transaction that locks its rows
 * {@code FOR UPDATE SKIP LOCKED}: instances sharing the database split the work, an erasure waits for at most one
 * batch, and a reader meanwhile finds each row either under the old key or under the new one, both of which open.
 * A row that does not unwrap (its key unknown here, or the row changed) is logged with its child id and left as it
 * is: verification of personal data reports it.
 */
@Component
public class ChildKeyRewrapping {

    private static final Logger log = LoggerFactory.getLogger(ChildKeyRewrapping.class);

    /**
     * One pass over the table.
     *
     * @param kekId     the key-encryption key the rows were brought under
     * @param rewrapped rows wrapped or rewrapped
     * @param failed    rows left as they were because they did not unwrap
     */
    public record Pass(String kekId, long rewrapped, long failed) {
    }

    private record Row(String childId, byte[] raw, String kekId, byte[] wrapped) {
    }

    private record Batch(int rows, long failed, String last) {
    }

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    private final TransactionTemplate inTransaction;
    private final int batchSize;

    public ChildKeyRewrapping(JdbcTemplate jdbc, KeyEncryptionKeys keks, PlatformTransactionManager transactions,
                              @Value("${casetracker.crypto.rewrap-batch-size:1000}") int batchSize) {
        this.jdbc = jdbc;
        this.keks = keks;
        this.inTransaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
    }

    /** Wraps every row still holding a raw key, and sets that key to NULL. */
    public Pass wrapRawKeys() {
        return pass(false);
    }

    /**
     * Looks for new key-encryption keys ({@link KeyEncryptionKeys#refresh()}), then wraps raw rows and rewraps every
     * row under another key than the current one.
     */
    public Pass rewrapAll() {
        keks.refresh();
        return pass(true);
    }

    /**
     * @return the number of rows under each key-encryption key, by id; rows still holding a raw key under
     * {@code "(raw)"}
     */
    public Map<String, Long> rowsByKek() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT coalesce(kek_id, '(raw)'), count(*) FROM child_key GROUP BY 1 ORDER BY 1",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private Pass pass(boolean rewrapOthers) {
        String current = keks.currentKekId();
        String condition = rewrapOthers ? "(key_material IS NOT NULL OR kek_id IS DISTINCT FROM ?)"
                : "key_material IS NOT NULL";
        Object[] parameters = rewrapOthers ? new Object[] {current} : new Object[0];
        Long due = jdbc.queryForObject("SELECT count(*) FROM child_key WHERE " + condition, Long.class, parameters);
        if (due == null || due == 0) {
            return new Pass(current, 0, 0);
        }
        log.info("Child keys: {} to bring under the key-encryption key {}", due, current);
        long done = 0;
        long failed = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = inTransaction.execute(status -> batch(condition, current, rewrapOthers, from));
            done += batch.rows() - batch.failed();
            failed += batch.failed();
            log.info("Child keys: {} of {} under the key-encryption key {}{}", done, due, current,
                    failed == 0 ? "" : " (" + failed + " did not unwrap)");
            if (batch.rows() < batchSize) {
                return new Pass(current, done, failed);
            }
            after = batch.last();
        }
    }

    private Batch batch(String condition, String current, boolean rewrapOthers, String after) {
        List<Object> parameters = new ArrayList<>();
        if (rewrapOthers) {
            parameters.add(current);
        }
        parameters.add(after);
        parameters.add(batchSize);
        List<Row> rows = jdbc.query("SELECT child_id, key_material, kek_id, wrapped_key FROM child_key WHERE "
                        + condition + " AND child_id > ? ORDER BY child_id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4)),
                parameters.toArray());
        List<Object[]> updates = new ArrayList<>();
        long failed = 0;
        for (Row row : rows) {
            byte[] dataKey;
            try {
                dataKey = row.raw() != null ? row.raw()
                        : keks.unwrap(row.childId(), new WrappedKey(row.kekId(), row.wrapped()));
            } catch (KeyUnwrapFailed e) {
                log.warn("Child keys: the key of child {} under {} is left as it is: {}", row.childId(),
                        row.kekId(), e.getMessage());
                failed++;
                continue;
            }
            WrappedKey wrapped = keks.wrap(row.childId(), dataKey);
            updates.add(new Object[] {wrapped.kekId(), wrapped.wrapped(), row.childId()});
        }
        jdbc.batchUpdate("UPDATE child_key SET kek_id = ?, wrapped_key = ?, key_material = NULL WHERE child_id = ?",
                updates);
        return new Batch(rows.size(), failed, rows.isEmpty() ? after : rows.get(rows.size() - 1).childId());
    }
}
