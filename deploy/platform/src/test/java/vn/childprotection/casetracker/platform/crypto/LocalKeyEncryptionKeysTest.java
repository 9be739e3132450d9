package vn.childprotection.casetracker.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyEncryptionKeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:15:00Z"), ZoneOffset.UTC);
    private static final byte[] DATA_KEY = random(32);

    @TempDir
    Path dir;

    @Test
    void the_first_start_generates_a_key_file_readable_by_the_owner_only_and_later_starts_use_it() throws Exception {
        Path kekDir = dir.resolve("secrets").resolve("kek");

        LocalKeyEncryptionKeys first = LocalKeyEncryptionKeys.fromDirectory(kekDir, CLOCK);
        WrappedKey wrapped = first.wrap("child-1", DATA_KEY);
        LocalKeyEncryptionKeys second = LocalKeyEncryptionKeys.fromDirectory(kekDir, CLOCK);

        assertThat(first.currentKekId()).isEqualTo("20261130T021500000Z");
        Path file = kekDir.resolve("20261130T021500000Z.key");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kekDir))).isEqualTo("rwx------");
        assertThat(second.unwrap("child-1", wrapped)).isEqualTo(DATA_KEY);
    }

    @Test
    void a_key_file_added_to_the_directory_becomes_current_and_the_older_keys_still_unwrap() throws Exception {
        LocalKeyEncryptionKeys keys = LocalKeyEncryptionKeys.fromDirectory(dir, CLOCK);
        WrappedKey old = keys.wrap("child-1", DATA_KEY);
        Files.writeString(dir.resolve("20270101T000000000Z.key"), Base64.getEncoder().encodeToString(random(32)));

        keys.refresh();

        assertThat(keys.currentKekId()).isEqualTo("20270101T000000000Z");
        assertThat(keys.wrap("child-1", DATA_KEY).kekId()).isEqualTo("20270101T000000000Z");
        assertThat(keys.unwrap("child-1", old)).isEqualTo(DATA_KEY);
    }

    @Test
    void a_wrapped_key_unknown_here_is_looked_for_again_in_the_directory_before_it_fails() throws Exception {
        LocalKeyEncryptionKeys here = LocalKeyEncryptionKeys.fromDirectory(dir, CLOCK);
        LocalKeyEncryptionKeys elsewhere = LocalKeyEncryptionKeys.fromDirectory(dir, CLOCK);
        String rotated = elsewhere.rotate();
        WrappedKey wrapped = elsewhere.wrap("child-1", DATA_KEY);

        assertThat(here.unwrap("child-1", wrapped)).isEqualTo(DATA_KEY);
        assertThat(here.currentKekId()).isEqualTo(rotated);
    }

    @Test
    void from_the_environment_the_first_key_is_current_and_every_listed_key_unwraps() {
        String a = Base64.getEncoder().encodeToString(random(32));
        String b = Base64.getEncoder().encodeToString(random(32));
        LocalKeyEncryptionKeys old = LocalKeyEncryptionKeys.fromSpec("k1:" + b, "casetracker.crypto.kek");
        LocalKeyEncryptionKeys keys = LocalKeyEncryptionKeys.fromSpec("k2:" + a + ", k1:" + b,
                "casetracker.crypto.kek");

        assertThat(keys.currentKekId()).isEqualTo("k2");
        assertThat(keys.knownKekIds()).containsExactly("k1", "k2");
        assertThat(keys.unwrap("child-1", old.wrap("child-1", DATA_KEY))).isEqualTo(DATA_KEY);
        assertThatThrownBy(keys::rotate).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_malformed_environment_value_is_refused_at_start_without_showing_the_key() {
        String shortKey = Base64.getEncoder().encodeToString(random(16));

        assertThatThrownBy(() -> LocalKeyEncryptionKeys.fromSpec("k1:" + shortKey, "casetracker.crypto.kek"))
                .hasMessageContaining("entry 1").hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> LocalKeyEncryptionKeys.fromSpec("no key here", "casetracker.crypto.kek"))
                .hasMessageContaining("id:base64");
        assertThatThrownBy(() -> LocalKeyEncryptionKeys.fromSpec("k1:%%%", "casetracker.crypto.kek"))
                .hasMessageContaining("Base64");
        String key = Base64.getEncoder().encodeToString(random(32));
        assertThatThrownBy(() -> LocalKeyEncryptionKeys.fromSpec("k1:" + key + ",k1:" + key,
                "casetracker.crypto.kek")).hasMessageContaining("repeats the id k1");
    }

    @Test
    void a_wrapped_key_opens_for_its_own_child_only_and_not_relabelled_nor_changed() {
        LocalKeyEncryptionKeys keys = LocalKeyEncryptionKeys.inMemory(CLOCK);
        WrappedKey wrapped = keys.wrap("child-1", DATA_KEY);
        String older = wrapped.kekId();
        String current = keys.rotate();
        byte[] changed = wrapped.wrapped().clone();
        changed[20] ^= 1;

        assertThat(wrapped.wrapped()).hasSize(60);
        assertThat(HexFormat.of().formatHex(wrapped.wrapped())).doesNotContain(HexFormat.of().formatHex(DATA_KEY));
        assertThat(keys.unwrap("child-1", wrapped)).isEqualTo(DATA_KEY);
        assertThatThrownBy(() -> keys.unwrap("child-2", wrapped)).isInstanceOf(KeyUnwrapFailed.class)
                .hasMessageContaining("child-2");
        assertThatThrownBy(() -> keys.unwrap("child-1", new WrappedKey(current, wrapped.wrapped())))
                .isInstanceOf(KeyUnwrapFailed.class);
        assertThatThrownBy(() -> keys.unwrap("child-1", new WrappedKey(older, changed)))
                .isInstanceOf(KeyUnwrapFailed.class);
        assertThatThrownBy(() -> keys.unwrap("child-1", new WrappedKey("unknown", wrapped.wrapped())))
                .isInstanceOf(KeyUnwrapFailed.class).hasMessageContaining("unknown key-encryption key");
    }

    @Test
    void the_embedded_default_keeps_its_keys_in_secrets_kek_beside_the_data_directory_and_an_external_database_needs_them_set() {
        Path dataDir = dir.resolve("data").resolve("postgres");

        LocalKeyEncryptionKeys embedded = KeyEncryptionKeysConfiguration.resolve("", "", dataDir.toString(), false,
                true, CLOCK);

        assertThat(dir.resolve("data/secrets/kek/" + embedded.currentKekId() + ".key")).exists();
        assertThat(dataDir).doesNotExist();
        assertThatThrownBy(() -> KeyEncryptionKeysConfiguration.resolve("", "", dataDir.toString(), false, false,
                CLOCK)).hasMessageContaining("casetracker.crypto.kek");
        assertThat(KeyEncryptionKeysConfiguration.resolve("", "", dataDir.toString(), true, false, CLOCK)
                .describe()).as("temporary database").startsWith("memory");
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
