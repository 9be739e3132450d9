package vn.childprotection.casetracker.platform.crypto;

/**
 * A child's data key as stored in {@code child_key}: encrypted (wrapped) under a key-encryption key.
 *
 * @param kekId   the id of the key-encryption key that wrapped it ({@code child_key.kek_id}), e.g.
 *                {@code 20261130T021500Z}, or a key service's key version
 * @param wrapped the wrapped bytes ({@code child_key.wrapped_key}); their layout belongs to the
 *                {@link KeyEncryptionKeys} that made them
 */
public record WrappedKey(String kekId, byte[] wrapped) {
}
