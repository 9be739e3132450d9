package vn.childprotection.casetracker.platform.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, reading each event's instant once: the entries it reads keep the
 * {@link Instant} parsed from the row ({@link AxonTimestamps}) instead of parsing the text again each time it is
 * asked for (Axon's {@code AbstractEventEntry.getTimestamp}). Everything else is Axon's; the tracking token of an
 * event read by a processor is computed as Axon 4.13's {@code getTrackedEventData} computes it (copied below), with
 * the gap settings this class gives the builder ({@link #MAX_GAP_OFFSET}, {@link #LOWEST_GLOBAL_SEQUENCE},
 * {@link #GAP_TIMEOUT_MILLIS}: Axon's defaults), as the copy cannot read Axon's private fields.
 * <p>
 * {@code TimestampOnceEventStorageEngineTest} reads the same rows (gaps that may still fill and gaps too old to)
 * through this engine and through Axon's and compares every token, instant and identifier.
 */
public class TimestampOnceEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default: how far behind the newest index a gap is still remembered. */
    static final int MAX_GAP_OFFSET = 10_000;
    /** Axon's default: the first global index. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    /** Axon's default: a gap before an event older than this (milliseconds) is not expected to fill any more. */
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    /**
     * @param builder Axon's builder, configured as for a plain {@link JdbcEventStorageEngine}; its gap settings are
     *                set here
     */
    public TimestampOnceEventStorageEngine(Builder builder) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
    }

    /** Refused: the gap timeout is fixed at {@link #GAP_TIMEOUT_MILLIS}, which the token computation here uses. */
    @Override
    @Deprecated
    public void setGapTimeout(int gapTimeout) {
        throw new UnsupportedOperationException("The gap timeout is fixed at " + GAP_TIMEOUT_MILLIS + " ms");
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Entry<?> domainEvent = entry(resultSet,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);

        // Axon 4.13's computation of the token, as in JdbcEventStorageEngine.getTrackedEventData.
        boolean allowGaps = domainEvent.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token = previousToken;
        if (token == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = token.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return entry(resultSet, resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getString(schema.eventIdentifierColumn()));
    }

    /** The row's entry, with the aggregate and event identifiers already read. */
    private Entry<?> entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new Entry<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** Axon's entry, its instant parsed when first asked for and kept. */
    private static final class Entry<T> extends GenericDomainEventEntry<T> {

        private final String timestampText;
        private Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, Object timestamp,
              String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestampText = timestamp.toString();
        }

        @Override
        public Instant getTimestamp() {
            Instant parsed = timestamp;
            if (parsed == null) {
                parsed = AxonTimestamps.parse(timestampText);
                timestamp = parsed;
            }
            return parsed;
        }
    }
}
