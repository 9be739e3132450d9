package vn.childprotection.casetracker.command.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the server's idempotency secret: what the idempotency table stores in place of a request's
 * {@code Idempotency-Key} and body. Without the secret, a stored value cannot be matched against a guessed key or
 * body (a guessed child's name and birth date); the same input always gives the same value, so a replay is
 * recognised.
 */
public final class IdempotencyHmac {

    /** The shortest secret accepted, in characters. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    /**
     * @param secret the server secret, at least {@link #MIN_SECRET_LENGTH} characters
     * @throws IllegalStateException when the secret is missing or shorter
     */
    public IdempotencyHmac(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("casetracker.idempotency.secret must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * @return the HMAC of the client's {@code Idempotency-Key}, 64 lowercase hex digits
     */
    public String ofKey(String idempotencyKey) {
        return hmac("idempotency-key\n" + idempotencyKey);
    }

    /**
     * @return the HMAC of the request body (its canonical JSON), 64 lowercase hex digits
     */
    public String ofBody(String canonicalJson) {
        return hmac("request-body\n" + canonicalJson);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
