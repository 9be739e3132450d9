package vn.childprotection.casetracker.command.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencySecretFileTest {

    @TempDir
    Path dir;

    @Test
    void the_first_start_generates_a_secret_readable_by_the_owner_only_and_later_starts_read_it_back() throws Exception {
        Path file = dir.resolve("secrets").resolve("idempotency-hmac.key");

        String first = IdempotencySecretFile.readOrCreate(file);
        String second = IdempotencySecretFile.readOrCreate(file);

        assertThat(first).hasSizeGreaterThanOrEqualTo(IdempotencyHmac.MIN_SECRET_LENGTH).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(IdempotencySecretFile.readOrCreate(dir.resolve("other.key"))).as("random").isNotEqualTo(first);
    }

    @Test
    void a_short_secret_is_refused_at_start() throws Exception {
        Path file = dir.resolve("short.key");
        Files.writeString(file, "too-short");

        assertThatThrownBy(() -> IdempotencySecretFile.readOrCreate(file)).hasMessageContaining("shorter than 32");
        assertThatThrownBy(() -> new IdempotencyHmac("x".repeat(31))).hasMessageContaining("at least 32");
    }

    @Test
    void the_hash_depends_on_the_secret_and_tells_key_from_body() {
        IdempotencyHmac one = new IdempotencyHmac("a".repeat(32));
        IdempotencyHmac other = new IdempotencyHmac("b".repeat(32));

        assertThat(one.ofBody("{}")).isEqualTo(one.ofBody("{}")).isNotEqualTo(other.ofBody("{}"))
                .isNotEqualTo(one.ofKey("{}"));
        // HMAC-SHA256("aaaa…" (32), "request-body\n{}"), computed with: printf 'request-body\n{}' |
        // openssl dgst -sha256 -hmac aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        assertThat(one.ofBody("{}")).isEqualTo(KNOWN);
    }

    @Test
    void by_default_the_secret_lies_beside_the_embedded_data_directory_not_in_it() {
        assertThat(IdempotencyConfiguration.defaultSecretFile("./data/postgres"))
                .isEqualTo(Path.of("data", "secrets", "idempotency-hmac.key").toAbsolutePath());
        assertThat(IdempotencyConfiguration.defaultSecretFile("/srv/case-tracker/postgres"))
                .isEqualTo(Path.of("/srv/case-tracker/secrets/idempotency-hmac.key"));
    }

    private static final String KNOWN = "52a5b2f4d0b36aca0f052dea8c95d751e52f93128b1bfb9f8e09c79e2e5d7768";
}
