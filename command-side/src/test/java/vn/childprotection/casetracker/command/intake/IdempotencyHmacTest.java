package vn.childprotection.casetracker.command.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyHmacTest {

    private static final String KNOWN = "52a5b2f4d0b36aca0f052dea8c95d751e52f93128b1bfb9f8e09c79e2e5d7768";

    @Test
    void a_short_secret_is_refused() {
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
}
