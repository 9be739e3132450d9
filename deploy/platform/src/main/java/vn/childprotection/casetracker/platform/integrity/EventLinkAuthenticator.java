package vn.childprotection.casetracker.platform.integrity;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Authenticates the chain rows of events just appended, in the append transaction itself: the database's trigger
 * {@code event_chain_append} has written each row's case link ({@code prev_hash}, {@code hash}) and global index;
 * this reads them back and writes {@code link_mac} ({@link EventChainLinks#linkMac}) with the service's key. Two
 * statements per append (one read, one write), whatever the number of events. A row the database did not write
 * for an appended event (the trigger missing or changed) fails the append: an acknowledged event is always
 * authenticated.
 */
public class EventLinkAuthenticator {

    private static final String READ = "SELECT c.global_index, c.aggregate_identifier, c.sequence_number, "
            + "c.event_identifier, c.prev_hash, c.hash FROM event_chain c "
            + "JOIN unnest(?::VARCHAR[], ?::BIGINT[]) AS k(aggregate_identifier, sequence_number) "
            + "ON c.aggregate_identifier = k.aggregate_identifier AND c.sequence_number = k.sequence_number";
    private static final String WRITE = "UPDATE event_chain c SET link_mac = v.link_mac "
            + "FROM unnest(?::BIGINT[], ?::BYTEA[]) AS v(global_index, link_mac) "
            + "WHERE c.global_index = v.global_index";

    private final IntegrityKey key;

    public EventLinkAuthenticator(IntegrityKey key) {
        this.key = key;
    }

    /**
     * @param connection the connection of the transaction that has just inserted the events, under READ COMMITTED
     * @param events     the events inserted, any number
     * @throws SQLException          when the database refuses a statement
     * @throws IllegalStateException when an event has no chain row, or one about another event
     */
    public void authenticate(Connection connection, List<AppendedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<String, AppendedEvent> byCaseAndSequence = new HashMap<>();
        String[] cases = new String[events.size()];
        Long[] sequences = new Long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            AppendedEvent event = events.get(i);
            cases[i] = event.aggregateIdentifier();
            sequences[i] = event.sequenceNumber();
            byCaseAndSequence.put(event.sequenceNumber() + " " + event.aggregateIdentifier(), event);
        }
        Long[] globalIndexes = new Long[events.size()];
        byte[][] macs = new byte[events.size()][];
        int found = 0;
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setArray(1, connection.createArrayOf("varchar", cases));
            read.setArray(2, connection.createArrayOf("bigint", sequences));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    long globalIndex = rs.getLong(1);
                    String aggregateIdentifier = rs.getString(2);
                    long sequenceNumber = rs.getLong(3);
                    AppendedEvent event = byCaseAndSequence.get(sequenceNumber + " " + aggregateIdentifier);
                    if (event == null || !Objects.equals(event.eventIdentifier(), rs.getString(4))) {
                        throw new IllegalStateException("The event chain row of global index " + globalIndex
                                + " is not about the event appended");
                    }
                    globalIndexes[found] = globalIndex;
                    macs[found] = EventChainLinks.linkMac(key, aggregateIdentifier, sequenceNumber,
                            event.eventIdentifier(), globalIndex, rs.getBytes(5), rs.getBytes(6));
                    found++;
                }
            }
        }
        if (found != events.size()) {
            throw new IllegalStateException("Only " + found + " of " + events.size() + " appended events have an "
                    + "event chain row: is the trigger event_chain_append in place?");
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            Array indexes = connection.createArrayOf("bigint", globalIndexes);
            Array linkMacs = connection.createArrayOf("bytea", macs);
            write.setArray(1, indexes);
            write.setArray(2, linkMacs);
            int updated = write.executeUpdate();
            if (updated != events.size()) {
                throw new IllegalStateException("Authenticated " + updated + " of " + events.size()
                        + " event chain rows");
            }
        }
    }
}
