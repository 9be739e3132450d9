package vn.childprotection.casetracker.query.integrity;

import java.util.Arrays;

/**
 * A hash recorded outside the database (printed, emailed, timestamped) together with where it was the head: a
 * sequence number for a case, a global index for the store. A later verification recomputes the chain and compares
 * the hash at that position with it, which detects what the chain alone cannot: history rewritten and rechained
 * by someone with write access to the database.
 */
record Anchor(long position, byte[] hash) {

    boolean matches(byte[] other) {
        return Arrays.equals(hash, other);
    }
}
