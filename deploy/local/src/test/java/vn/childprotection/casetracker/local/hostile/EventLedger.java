package vn.childprotection.casetracker.local.hostile;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the events appended to the event store ({@code domain_event_entry}) since the last look, leaving out
 * those the service appends by itself as user {@code system} (time limits missed), which no request causes.
 */
final class EventLedger {

    private final JdbcTemplate jdbc;
    private long seen;

    EventLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.seen = highest();
    }

    /** Events appended by users since the last call; moves the mark past every event appended meanwhile. */
    long appendedSinceLastLook() {
        long before = seen;
        long now = highest();
        seen = now;
        if (now == before) {
            return 0;
        }
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND "
                + "global_index <= ? AND convert_from(meta_data, 'UTF8') NOT LIKE '%\"userId\":\"system\"%'",
                Long.class, before, now);
        return count == null ? 0 : count;
    }

    private long highest() {
        Long max = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }
}
