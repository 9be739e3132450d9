package vn.childprotection.casetracker.query.access;

import java.time.Instant;

/**
 * A break-the-glass grant of the reader for the case read, not yet expired at the time of the read.
 */
public record ActiveGrant(String grantId, Instant expiresAt) {
}
