package vn.childprotection.casetracker.platform.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chain's formulas written out again from the shared contract, independently of the code under test, so a
 * test's expected values never come from what it tests.
 */
final class ExpectedLinks {

    static final String SECRET = "a test integrity key of at least thirty-two characters";

    private ExpectedLinks() {
    }

    static byte[] hmac(String purpose, byte[]... parts) throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(purpose.getBytes(StandardCharsets.UTF_8));
        input.write(0);
        for (byte[] part : parts) {
            input.write(ByteBuffer.allocate(4).putInt(part.length).array());
            input.write(part);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(input.toByteArray());
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    static byte[] int8(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
