package vn.childprotection.casetracker.platform.crypto;

/**
 * Key-encryption keys (khóa mã hóa khóa): they wrap every child's data key before it is stored in
 * {@code child_key}, and they are held outside the database, so a dump or backup of the database alone opens no
 * personal data. Deleting a child's row still erases the child (crypto-shredding): nothing else holds the data key.
 * <p>
 * The default is {@link LocalKeyEncryptionKeys} (a file per key in {@code ./data/secrets/kek/}, or the environment
 * variable {@code CASETRACKER_KEK}). A deployment with a key service declares its own bean of this interface and
 * sets {@code casetracker.crypto.kek-provider} to anything but {@code local}:
 * <ul>
 *     <li><b>Vault's transit engine</b>: {@link #wrap} = {@code POST /v1/transit/encrypt/<name>} with
 *     {@code plaintext} = Base64 of the data key and {@code context} = Base64 of the child id (a key created with
 *     {@code derived=true}, so the child id binds the wrapped key to its row like associated data);
 *     the answer {@code vault:v<N>:...} is stored as the wrapped bytes and {@code v<N>} as the kek id.
 *     {@link #unwrap} = {@code POST /v1/transit/decrypt/<name>} with the same context. Rotation is
 *     {@code POST /v1/transit/keys/<name>/rotate}; {@link #currentKekId} is then the new latest version and the
 *     service rewraps the rows of older versions ({@link ChildKeyRewrapping}), as it does with local keys.</li>
 *     <li><b>A cloud KMS</b> (AWS KMS, Google Cloud KMS, Azure Key Vault): {@code Encrypt}/{@code Decrypt} of the
 *     data key under one key, the child id as encryption context / additional authenticated data; the key's
 *     version (or ARN) is the kek id.</li>
 * </ul>
 * Such an implementation may keep unwrapped data keys in memory for a short time (seconds) to spare round trips,
 * but only if erasure empties that cache: evict the child's entry in the erasure's transaction (after commit,
 * across instances through a short time-to-live no longer than the time an erasure may take to show), or do not
 * cache at all; a cached key outliving its erased row would still open the child's data. The local implementation
 * caches nothing (unwrapping is one AES-GCM operation).
 */
public interface KeyEncryptionKeys {

    /**
     * @return the id of the key that {@link #wrap} uses now; rows under any other id are rewrapped in the background
     */
    String currentKekId();

    /**
     * Wraps a child's data key under the current key-encryption key, bound to the child: the result opens for this
     * child id only.
     *
     * @param childId the child whose key it is ({@code child_key.child_id})
     * @param dataKey the raw AES-256 data key, 32 bytes; not kept
     * @return the current kek id and the wrapped bytes
     */
    WrappedKey wrap(String childId, byte[] dataKey);

    /**
     * @param childId the row's child id; a wrapped key copied from another child's row does not open
     * @param wrapped what the row holds
     * @return the raw data key, 32 bytes
     * @throws KeyUnwrapFailed when the kek id is unknown or the bytes do not open for this child
     */
    byte[] unwrap(String childId, WrappedKey wrapped);

    /**
     * Looks again for keys added since the last look (a new file in the key directory, a new version in the key
     * service) and makes the newest current. Called before each rewrapping pass. Does nothing by default.
     */
    default void refresh() {
    }

    /** Where the keys come from, for the log (no key material), e.g. {@code directory ./data/secrets/kek}. */
    String describe();
}
