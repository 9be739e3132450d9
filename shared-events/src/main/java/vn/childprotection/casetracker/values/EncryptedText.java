package vn.childprotection.casetracker.values;

import java.util.Objects;

/**
 * Personal data as it is stored in an event: AES-GCM ciphertext under the key of one child.
 * <p>
 * Events never carry a child's name, exact birth date, address, the reporter's identity or free-text narratives in
 * plain text (Luật Trẻ em Art 6, 21; Decree 56 Art 33). The key lives outside the event store, keyed by
 * {@code keyId} (the child's id); deleting it erases the person while the history stays intact.
 *
 * @param keyId      the id of the key that sealed this value (the child's id)
 * @param cipherText base64 of {@code nonce || ciphertext || tag}
 */
public record EncryptedText(String keyId, String cipherText) {

    public EncryptedText {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(cipherText, "cipherText");
    }
}
