package vn.childprotection.casetracker.query.deadletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter table for people: counts per processor, and the parked events of one, with each event's
 * global index taken from the event store. Plain SQL, no deserialisation: a listing never opens a payload, and works
 * even for an event that could not be read.
 */
@Component
public class ParkedEvents {

    /** The most events {@link #list} returns. */
    public static final int LIST_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final DeadLetterSchema letters;
    private final EventSchema events;

    public ParkedEvents(JdbcTemplate jdbc, DeadLetterSchema letters, EventSchema events) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.events = events;
    }

    /**
     * Parked events and cases per processor name, for every processor that has any.
     */
    public Map<String, ParkedCount> countsByProcessor() {
        Map<String, ParkedCount> counts = new HashMap<>();
        jdbc.query("SELECT " + letters.processingGroupColumn() + ", count(*), count(DISTINCT "
                + letters.sequenceIdentifierColumn() + ") FROM " + letters.deadLetterTable() + " GROUP BY "
                + letters.processingGroupColumn(), row -> {
                    counts.put(row.getString(1), new ParkedCount(row.getLong(2), row.getLong(3)));
                });
        return counts;
    }

    /**
     * Parked events and cases of one processor.
     */
    public ParkedCount count(String processorName) {
        return jdbc.queryForObject("SELECT count(*), count(DISTINCT " + letters.sequenceIdentifierColumn()
                + ") FROM " + letters.deadLetterTable() + " WHERE " + letters.processingGroupColumn() + " = ?",
                (row, i) -> new ParkedCount(row.getLong(1), row.getLong(2)), processorName);
    }

    /**
     * The first {@value #LIST_LIMIT} parked events of the processor, in event store order, with the counts.
     */
    public ParkedEventList list(String projection, String processorName) {
        ParkedCount count = count(processorName);
        List<ParkedEvent> items = jdbc.query(select() + " WHERE d." + letters.processingGroupColumn() + " = ? "
                + "ORDER BY e." + events.globalIndexColumn() + " NULLS LAST, d."
                + letters.sequenceIdentifierColumn() + ", d." + letters.sequenceIndexColumn() + " LIMIT "
                + LIST_LIMIT, this::parkedEvent, processorName);
        return new ParkedEventList(projection, count.events(), count.cases(), count.events() > items.size(),
                items);
    }

    /**
     * The failed (not merely waiting) parked event of the processor that comes first in the store.
     */
    public Optional<ParkedEvent> firstFailed(String processorName) {
        return jdbc.query(select() + " WHERE d." + letters.processingGroupColumn() + " = ? AND d."
                + letters.causeTypeColumn() + " IS NOT NULL ORDER BY e." + events.globalIndexColumn()
                + " NULLS LAST LIMIT 1", this::parkedEvent, processorName).stream().findFirst();
    }

    private String select() {
        return "SELECT e." + events.globalIndexColumn() + " AS global_index, d."
                + letters.aggregateIdentifierColumn() + " AS case_id, d." + letters.sequenceNumberColumn()
                + " AS sequence_number, d." + letters.payloadTypeColumn() + " AS payload_type, d."
                + letters.eventIdentifierColumn() + " AS event_identifier, d." + letters.timestampColumn()
                + " AS recorded_at, d." + letters.sequenceIndexColumn() + " AS sequence_index, d."
                + letters.causeTypeColumn() + " AS cause_type, d." + letters.causeMessageColumn()
                + " AS cause_message, d." + letters.enqueuedAtColumn() + " AS enqueued_at, d."
                + letters.lastTouchedColumn() + " AS last_touched FROM " + letters.deadLetterTable() + " d LEFT JOIN "
                + events.domainEventTable() + " e ON e." + events.eventIdentifierColumn() + " = d."
                + letters.eventIdentifierColumn();
    }

    private ParkedEvent parkedEvent(ResultSet row, int rowNumber) throws SQLException {
        long globalIndex = row.getLong("global_index");
        Long index = row.wasNull() ? null : globalIndex;
        long sequenceNumber = row.getLong("sequence_number");
        Long number = row.wasNull() || sequenceNumber < 0 ? null : sequenceNumber;
        String payloadType = row.getString("payload_type");
        String causeType = row.getString("cause_type");
        return new ParkedEvent(index, row.getString("case_id"), number,
                payloadType.substring(payloadType.lastIndexOf('.') + 1), row.getString("event_identifier"),
                instant(row.getString("recorded_at")), row.getLong("sequence_index"),
                causeType == null ? ParkedEvent.WAITING : ParkedEvent.PARKED, causeType,
                row.getString("cause_message"), instant(row.getString("enqueued_at")),
                instant(row.getString("last_touched")));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
