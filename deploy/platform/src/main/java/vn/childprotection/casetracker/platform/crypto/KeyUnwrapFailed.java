package vn.childprotection.casetracker.platform.crypto;

/**
 * A child's wrapped key does not open: its key-encryption key is unknown to this process, or the wrapped bytes
 * were changed or copied from another child's row. An integrity error, never an erasure: readers report the
 * child's values as unreadable (they catch {@link IllegalStateException}).
 */
public class KeyUnwrapFailed extends IllegalStateException {

    /**
     * @param message what failed, naming the child id and the key-encryption key id only (never key bytes)
     */
    public KeyUnwrapFailed(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause   the cipher's refusal
     */
    public KeyUnwrapFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
