package vn.childprotection.casetracker.query.integrity;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When a head event was recorded: its {@code time_stamp} in the store (covered by the hash), or, when the event
 * itself is gone or its time unreadable, when its chain row was written.
 */
final class HeadTime {

    private HeadTime() {
    }

    static Instant of(ChainRow row) {
        return of(row.event() == null ? null : row.event().timeStamp(), row.link().createdAt());
    }

    static Instant of(String timeStamp, Instant chainedAt) {
        if (timeStamp != null) {
            try {
                return Instant.parse(timeStamp);
            } catch (DateTimeParseException e) {
                // Not an ISO-8601 instant: fall back to the chain row's own time.
            }
        }
        return chainedAt;
    }
}
