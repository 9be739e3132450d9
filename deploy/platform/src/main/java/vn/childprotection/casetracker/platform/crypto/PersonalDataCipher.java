package vn.childprotection.casetracker.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Seals and opens personal data with the child's key: AES-256-GCM, a fresh 96-bit nonce per value, the key id as
 * associated data (a value cannot be moved to another child unnoticed).
 */
@Component
public class PersonalDataCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ChildKeyStore keys;

    public PersonalDataCipher(ChildKeyStore keys) {
        this.keys = keys;
    }

    /**
     * @return the sealed value, or null when there is nothing to seal
     */
    public EncryptedText seal(String childId, String plainText) {
        if (plainText == null || plainText.isEmpty()) {
            return null;
        }
        return seal(childId, keys.getOrCreate(childId), plainText);
    }

    /**
     * @return the plain text, or empty when the value is absent or the child's key was erased
     */
    public Optional<String> open(EncryptedText sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return keys.find(sealed.keyId()).map(key -> open(key, sealed));
    }

    /**
     * An opener for one answer: each child's key is read once however many of that child's values it opens.
     */
    public Function<EncryptedText, Optional<String>> opener() {
        Map<String, Optional<SecretKey>> found = new HashMap<>();
        return sealed -> sealed == null ? Optional.empty()
                : found.computeIfAbsent(sealed.keyId(), keys::find).map(key -> open(key, sealed));
    }

    /**
     * Seals with a key the caller already holds (from {@link ChildKeyStore#createAll}), sparing the key lookup of
     * {@link #seal(String, String)} when many values of one child are sealed at once.
     *
     * @param keyId     the child's id, bound to the value as associated data
     * @param key       that child's key
     * @param plainText the text, not empty
     * @return the sealed value
     */
    public static EncryptedText seal(String keyId, SecretKey key, String plainText) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new EncryptedText(keyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Opens with a key the caller already holds (from {@link ChildKeyStore#findAll}).
     *
     * @return the plain text
     * @throws IllegalStateException when the value does not open with this key
     */
    public static String open(SecretKey key, EncryptedText sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.cipherText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Sealed value of key " + sealed.keyId() + " cannot be opened", e);
        }
    }
}
