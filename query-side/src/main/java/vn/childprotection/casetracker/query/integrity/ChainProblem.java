package vn.childprotection.casetracker.query.integrity;

/**
 * What is wrong where a chain breaks. The constant is a stable code clients can rely on; the label is what the
 * response's {@code problem} says.
 */
public enum ChainProblem {

    /**
     * The event's stored bytes (payload, metadata or any other column in the canonical encoding) no longer give the
     * hash chained when it was inserted, while its chain row is intact.
     */
    PAYLOAD_CHANGED("payload or metadata changed"),
    /**
     * The event is gone: its chain row is left without it, or its sequence number is skipped.
     */
    EVENT_MISSING("event missing"),
    /**
     * The store chain does not link to the event before this one, while this row is intact: an event before it
     * (with its chain row) was removed, or one was slipped in.
     */
    PRECEDING_EVENT_MISSING("event missing before this one"),
    /**
     * The event sits at another sequence number than the one chained (rows reordered).
     */
    SEQUENCE_OUT_OF_ORDER("sequence out of order"),
    /**
     * The row at this global index is another event (or belongs to another case) than the one chained there.
     */
    EVENT_REPLACED("event replaced"),
    /**
     * The event has no chain row: inserted while the trigger was off, or its chain row was deleted.
     */
    CHAIN_ROW_MISSING("chain row missing"),
    /**
     * The chain row's hash was edited: it matches neither the event nor the chain row's own store link.
     */
    CHAIN_HASH_CHANGED("chain hash changed"),
    /**
     * The chain row's link to the case's previous event does not hold (its prev_hash was edited).
     */
    CHAIN_LINK_BROKEN("chain link broken"),
    /**
     * The chain row's store hash or store link was edited.
     */
    STORE_HASH_CHANGED("store chain hash changed"),
    /**
     * The chain verifies, but not to the hash anchored outside the database: history up to the anchor was rewritten
     * and rechained.
     */
    ANCHOR_MISMATCH("differs from the anchored hash"),
    /**
     * The anchored event is not in the chain any more.
     */
    ANCHOR_MISSING("anchored event missing");

    private final String label;

    ChainProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
