package vn.childprotection.casetracker.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.platform.integrity.ChainTestDatabase;

/**
 * The engine that parses each event's instant once reads the same rows as Axon's own JDBC engine: every tracking
 * token (with the gaps a rolled-back append leaves in the global index, remembered next to recent events and
 * dropped next to events older than the gap timeout), every instant and identifier, from the start and from a token
 * with gaps, in reads of a few events at a time, and an aggregate's events.
 */
class TimestampOnceEventStorageEngineTest {

    private static final Instant OLD = Instant.parse("2025-03-01T01:02:03.456Z");

    @Test
    void reads_what_axons_engine_reads() {
        DataSource db = ChainTestDatabase.migrated();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Serializer serializer = JacksonSerializer.defaultSerializer();
        Supplier<JdbcEventStorageEngine.Builder> builder = () -> JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(db))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .schema(new AxonStorageConfiguration().eventSchema())
                .batchSize(3);
        JdbcEventStorageEngine axons = builder.get().build();
        TimestampOnceEventStorageEngine ours = new TimestampOnceEventStorageEngine(builder.get());

        Instant recent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 12; i++) {
            // Gaps in the global index (values taken and never stored), next to old events and to recent ones.
            if (i % 3 == 1) {
                jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                        Long.class);
            }
            Instant at = i < 6 ? OLD.plusSeconds(i) : recent.minusMillis(12 - i);
            axons.appendEvents(new GenericDomainEventMessage<>("Case", "case-" + (i % 2), i / 2, "event " + i,
                    MetaData.with("n", i), "event-" + i, at));
        }

        List<String> fromStart = read(axons, null);
        assertThat(fromStart).hasSize(12).anySatisfy(row -> assertThat(row).contains("gaps=[]"))
                .anySatisfy(row -> assertThat(row).doesNotContain("gaps=[]"));
        assertThat(read(ours, null)).isEqualTo(fromStart);

        TrackingToken withGaps = tokenAt(axons, 9);
        assertThat(withGaps.toString()).doesNotContain("gaps=[]");
        assertThat(read(ours, withGaps)).isEqualTo(read(axons, withGaps)).hasSize(2);

        assertThat(aggregate(ours, "case-1")).isEqualTo(aggregate(axons, "case-1")).hasSize(6);
    }

    @Test
    void refuses_a_gap_timeout_other_than_the_one_its_tokens_use() {
        TimestampOnceEventStorageEngine engine = new TimestampOnceEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> {
                    throw new IllegalStateException("no database here");
                })
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()));

        assertThatThrownBy(() -> engine.setGapTimeout(1000)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Each event after {@code from}: its token, instant, identifier, aggregate and sequence number. */
    private static List<String> read(JdbcEventStorageEngine engine, TrackingToken from) {
        List<String> rows = new ArrayList<>();
        engine.readEvents(from, false).forEach(event -> rows.add(describe(event)));
        return rows;
    }

    private static TrackingToken tokenAt(JdbcEventStorageEngine engine, int index) {
        return engine.readEvents(null, false).skip(index).findFirst().map(TrackedEventMessage::trackingToken)
                .orElseThrow();
    }

    private static List<String> aggregate(JdbcEventStorageEngine engine, String aggregateId) {
        List<String> rows = new ArrayList<>();
        engine.readEvents(aggregateId).asStream().forEach(event -> rows.add(event.getTimestamp() + " "
                + event.getIdentifier() + " " + event.getSequenceNumber()));
        return rows;
    }

    private static String describe(TrackedEventMessage<?> event) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        return event.trackingToken() + " " + event.getTimestamp() + " " + event.getIdentifier() + " "
                + domain.getAggregateIdentifier() + " " + domain.getSequenceNumber();
    }
}
