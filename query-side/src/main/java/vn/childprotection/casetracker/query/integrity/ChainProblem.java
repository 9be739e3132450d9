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
     * The event has no chain row: inserted while the triggers were off, or its chain row was deleted.
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
    ANCHOR_MISSING("anchored event missing"),
    /**
     * The chain row's {@code link_mac} is missing or does not authenticate its case, sequence number, event id,
     * global index and hashes: the event or its chain row was written by someone without the service's integrity
     * key (a forged insert, an edit then rechain, a renumbering).
     */
    LINK_NOT_AUTHENTICATED("link not authenticated by the service"),
    /**
     * The chain row's {@code store_mac} is missing or does not authenticate its chain position, global index and
     * store hashes: the store chain was rewritten (positions renumbered, rows relinked) without the service's key.
     */
    STORE_LINK_NOT_AUTHENTICATED("store link not authenticated by the service"),
    /**
     * A chain position is missing and the store shows nothing else of the sealed link that was there; named by its
     * position alone. When the link left a trace, the break is named by that trace at this position instead: the
     * event left without its chain row ({@link #CHAIN_ROW_MISSING}) or the gap in its case ({@link #EVENT_MISSING}).
     */
    POSITION_GAP("chain position missing"),
    /**
     * The store chain ends before the position of an anchor recorded outside the database: its tail was deleted.
     * Named by the first missing position.
     */
    CHAIN_SHORTER_THAN_ANCHOR("chain shorter than an anchor"),
    /**
     * The anchor witness could not be read, so the chain could not be compared with what was recorded outside the
     * database.
     */
    ANCHORS_UNREADABLE("anchors cannot be read");

    private final String label;

    ChainProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
