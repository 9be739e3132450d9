package vn.childprotection.casetracker.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.platform.integrity.ChainTestDatabase;

/**
 * A child's key is fetched or created once per transaction however many values of the child a command seals, and
 * never outlives its transaction, a rollback or an erasure.
 */
class ChildKeyStoreTest {

    private final CountingKeys keks = new CountingKeys(LocalKeyEncryptionKeys.inMemory(Clock.systemUTC()));
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private ChildKeyStore keys;

    @BeforeEach
    void database() {
        DataSource dataSource = ChainTestDatabase.migrated();
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        keys = new ChildKeyStore(jdbc, keks);
    }

    @Test
    void a_transaction_sealing_five_values_of_a_new_child_creates_and_wraps_its_key_once() {
        String child = UUID.randomUUID().toString();

        SecretKey[] seen = transaction.execute(status -> new SecretKey[] {keys.getOrCreate(child),
                keys.getOrCreate(child), keys.getOrCreate(child), keys.getOrCreate(child), keys.getOrCreate(child)});

        assertThat(seen).as("one key for every value").containsOnly(seen[0]);
        assertThat(keks.wraps.get()).as("wraps").isEqualTo(1);
        assertThat(keks.unwraps.get()).as("unwraps").isZero();
        assertThat(keys.find(child)).as("the stored key").hasValueSatisfying(
                stored -> assertThat(stored.getEncoded()).isEqualTo(seen[0].getEncoded()));
    }

    @Test
    void a_later_transaction_reads_the_stored_key_once_and_each_call_outside_a_transaction_reads_it_again() {
        String child = UUID.randomUUID().toString();
        byte[] created = transaction.execute(status -> keys.getOrCreate(child)).getEncoded();
        keks.reset();

        SecretKey[] later = transaction.execute(status -> new SecretKey[] {keys.getOrCreate(child),
                keys.getOrCreate(child), keys.getOrCreate(child)});
        int unwrapsInTransaction = keks.unwraps.get();
        SecretKey outside1 = keys.getOrCreate(child);
        SecretKey outside2 = keys.getOrCreate(child);

        assertThat(later).containsOnly(later[0]);
        assertThat(later[0].getEncoded()).isEqualTo(created);
        assertThat(unwrapsInTransaction).as("unwraps in one transaction").isEqualTo(1);
        assertThat(outside1).isNotSameAs(outside2);
        assertThat(outside2.getEncoded()).isEqualTo(created);
        assertThat(keks.unwraps.get()).as("unwraps in all").isEqualTo(3);
    }

    @Test
    void a_key_created_in_a_transaction_that_rolled_back_is_not_used_by_the_next() {
        String child = UUID.randomUUID().toString();
        byte[] rolledBack = transaction.execute(status -> {
            status.setRollbackOnly();
            return keys.getOrCreate(child).getEncoded();
        });

        byte[] next = transaction.execute(status -> keys.getOrCreate(child)).getEncoded();

        assertThat(next).isNotEqualTo(rolledBack);
        assertThat(keys.find(child)).hasValueSatisfying(stored -> assertThat(stored.getEncoded()).isEqualTo(next));
    }

    @Test
    void an_erased_key_is_forgotten_at_once_in_the_transaction_that_erased_it() {
        String child = UUID.randomUUID().toString();

        byte[][] keysSeen = transaction.execute(status -> {
            byte[] before = keys.getOrCreate(child).getEncoded();
            boolean deleted = keys.erase(child);
            assertThat(deleted).as("row deleted").isTrue();
            return new byte[][] {before, keys.getOrCreate(child).getEncoded()};
        });

        assertThat(keysSeen[1]).as("a new key after the erasure").isNotEqualTo(keysSeen[0]);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key WHERE child_id = ?", Integer.class, child))
                .isEqualTo(1);
    }

    /** Counts the wraps and unwraps of the key-encryption keys it passes on to. */
    private static final class CountingKeys implements KeyEncryptionKeys {

        private final KeyEncryptionKeys delegate;
        private final AtomicInteger wraps = new AtomicInteger();
        private final AtomicInteger unwraps = new AtomicInteger();

        CountingKeys(KeyEncryptionKeys delegate) {
            this.delegate = delegate;
        }

        void reset() {
            wraps.set(0);
            unwraps.set(0);
        }

        @Override
        public String currentKekId() {
            return delegate.currentKekId();
        }

        @Override
        public WrappedKey wrap(String childId, byte[] dataKey) {
            wraps.incrementAndGet();
            return delegate.wrap(childId, dataKey);
        }

        @Override
        public byte[] unwrap(String childId, WrappedKey wrapped) {
            unwraps.incrementAndGet();
            return delegate.unwrap(childId, wrapped);
        }

        @Override
        public String describe() {
            return "counting " + delegate.describe();
        }
    }
}
