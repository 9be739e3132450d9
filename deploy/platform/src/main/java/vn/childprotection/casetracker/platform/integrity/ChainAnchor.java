package vn.childprotection.casetracker.platform.integrity;

import java.time.Instant;

/**
 * The head of one chain as recorded outside the database (mốc neo): after an anchor is recorded, deleting or
 * rewriting anything up to {@code position} is detected by verification, even by someone holding the integrity key
 * only as far as the witness itself is out of their reach.
 *
 * @param chain      which chain: {@code "events"} (the store chain of the event store) or {@code "access-log"}
 * @param position   the chain position of the head (1 for the first link)
 * @param head       the head's chain hash (32 bytes)
 * @param anchoredAt when it was recorded (UTC)
 */
public record ChainAnchor(String chain, long position, byte[] head, Instant anchoredAt) {

    public static final String EVENTS = "events";
    public static final String ACCESS_LOG = "access-log";
}
