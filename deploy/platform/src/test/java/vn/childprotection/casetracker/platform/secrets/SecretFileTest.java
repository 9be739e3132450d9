package vn.childprotection.casetracker.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path dir;

    @Test
    void the_first_start_generates_a_secret_readable_by_the_owner_only_and_later_starts_read_it_back() throws Exception {
        Path file = dir.resolve("secrets").resolve("idempotency-hmac.key");

        String first = SecretFile.readOrCreate(file);
        String second = SecretFile.readOrCreate(file);

        assertThat(first).hasSizeGreaterThanOrEqualTo(SecretFile.MIN_LENGTH).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(SecretFile.readOrCreate(dir.resolve("other.key"))).as("random").isNotEqualTo(first);
    }

    @Test
    void a_short_secret_is_refused_at_start() throws Exception {
        Path file = dir.resolve("short.key");
        Files.writeString(file, "too-short");

        assertThatThrownBy(() -> SecretFile.readOrCreate(file)).hasMessageContaining("shorter than 32");
    }

    @Test
    void by_default_the_secret_lies_beside_the_embedded_data_directory_not_in_it() {
        assertThat(SecretFile.besideEmbeddedData("./data/postgres", "idempotency-hmac.key"))
                .isEqualTo(Path.of("data", "secrets", "idempotency-hmac.key").toAbsolutePath());
        assertThat(SecretFile.besideEmbeddedData("/srv/case-tracker/postgres", "idempotency-hmac.key"))
                .isEqualTo(Path.of("/srv/case-tracker/secrets/idempotency-hmac.key"));
    }
}
