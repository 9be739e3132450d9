package vn.childprotection.casetracker.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Positions in the event store's global index: the head, the tail, and how far a processor's stored tokens are.
 * Tokens are read from {@code token_entry} rather than through the {@code TokenStore}, whose {@code fetchToken}
 * would claim the segment from the processor working on it; so this also sees processors of other instances.
 */
@Component
class StorePositions {

    private final JdbcTemplate jdbc;
    private final EventSchema events;
    private final TokenSchema tokens;
    private final Configuration axon;

    StorePositions(JdbcTemplate jdbc, EventSchema events, TokenSchema tokens, Configuration axon) {
        this.jdbc = jdbc;
        this.events = events;
        this.tokens = tokens;
        this.axon = axon;
    }

    /**
     * The highest global index in the store, 0 if it is empty.
     */
    long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(" + events.globalIndexColumn() + "), 0) FROM "
                + events.domainEventTable(), Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The position before the first event (what a processor starting from the tail stands at), 0 if empty.
     */
    long tail() {
        Long tail = jdbc.queryForObject("SELECT coalesce(min(" + events.globalIndexColumn() + ") - 1, 0) FROM "
                + events.domainEventTable(), Long.class);
        return tail == null ? 0 : tail;
    }

    /**
     * The lowest position among the processor's stored segment tokens (a segment without a token stands before
     * the first event); empty if the processor has no tokens at all.
     */
    OptionalLong lowestTokenPosition(String processorName) {
        List<Long> positions = jdbc.query("SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn()
                        + " FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                (row, i) -> position(row.getBytes(1), row.getString(2)), processorName);
        return positions.stream().mapToLong(Long::longValue).min();
    }

    /**
     * How old the first event after {@code position} is, 0 if there is none.
     */
    long secondsBehind(long position, Instant now) {
        List<String> stamps = jdbc.queryForList("SELECT " + events.timestampColumn() + " FROM "
                + events.domainEventTable() + " WHERE " + events.globalIndexColumn() + " > ? ORDER BY "
                + events.globalIndexColumn() + " LIMIT 1", String.class, position);
        if (stamps.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Duration.between(Instant.parse(stamps.get(0)), now).toSeconds());
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return 0;
        }
        TrackingToken trackingToken = axon.serializer()
                .deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return trackingToken == null ? 0 : trackingToken.position().orElse(0);
    }
}
