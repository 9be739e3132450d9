package vn.childprotection.casetracker.platform.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.secrets.ServiceSecrets;

/**
 * The service's integrity key: authenticates every link of the event chain and of the access log (khóa xác thực
 * lịch sử), so a row written by anyone without it (a database administrator, a restored dump edited by hand) fails
 * verification. The database never holds it.
 * <p>
 * From {@code casetracker.integrity.key} ({@code CASETRACKER_INTEGRITY_KEY}, at least 32 characters), else
 * {@code casetracker.integrity.key-file}, else on the embedded default {@code ./data/secrets/integrity-mac.key},
 * generated on first start (see {@link ServiceSecrets}). Losing it does not lose data, only the proof: every link
 * written before then no longer verifies.
 * <p>
 * A MAC is HMAC-SHA256 over {@code purpose} (UTF-8), a zero byte, then each part prefixed with its length as a
 * 4-byte big-endian integer, so no two different (purpose, parts) give the same input.
 */
@Component
public class IntegrityKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Autowired
    public IntegrityKey(@Value("${casetracker.integrity.key:}") String key,
                        @Value("${casetracker.integrity.key-file:}") String keyFile, ServiceSecrets secrets) {
        this(secrets.resolve("integrity key", key, "casetracker.integrity.key", keyFile,
                "casetracker.integrity.key-file", "integrity-mac.key"));
    }

    /**
     * @param secret the key's text, at least 32 characters
     */
    public IntegrityKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param purpose what is authenticated, e.g. {@code "event-link/v1"}; a MAC for one purpose never verifies
     *                for another
     * @param parts   the bytes authenticated, in order
     * @return the 32-byte MAC
     */
    public byte[] mac(String purpose, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            for (byte[] part : parts) {
                mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * @return whether {@code mac} is the MAC of these parts for this purpose; compared in constant time; false for
     * a null MAC
     */
    public boolean verifies(byte[] mac, String purpose, byte[]... parts) {
        return mac != null && MessageDigest.isEqual(mac, mac(purpose, parts));
    }

    /** The 8-byte big-endian form of a number, for a MAC's parts. */
    public static byte[] int8(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    /** The UTF-8 form of a text, for a MAC's parts. */
    public static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
