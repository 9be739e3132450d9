package vn.childprotection.casetracker.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import vn.childprotection.casetracker.platform.integrity.AppendedEvent;
import vn.childprotection.casetracker.platform.integrity.EventLinkAuthenticator;

/**
 * Axon's JDBC event storage engine, which also authenticates the chain row of every event it appends, in the same
 * transaction as the events ({@link EventLinkAuthenticator}): an append either commits its events with their
 * {@code link_mac} or not at all. Reading, tracking and snapshots are Axon's (each event's instant parsed once:
 * {@link TimestampOnceEventStorageEngine}).
 */
public class AuthenticatingEventStorageEngine extends TimestampOnceEventStorageEngine {

    private final TransactionManager transactionManager;
    private final EventLinkAuthenticator authenticator;

    /**
     * @param builder            Axon's builder, configured as for a plain {@link JdbcEventStorageEngine}
     * @param transactionManager the same transaction manager as the builder's
     * @param authenticator      writes the link MACs
     */
    public AuthenticatingEventStorageEngine(Builder builder, TransactionManager transactionManager,
                                            EventLinkAuthenticator authenticator) {
        super(builder);
        this.transactionManager = transactionManager;
        this.authenticator = authenticator;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Connection connection = getConnection();
            try {
                authenticator.authenticate(connection, appended(events));
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /** As Axon's JDBC statements store them: an event of no aggregate under its own identifier, sequence 0. */
    private static List<AppendedEvent> appended(List<? extends EventMessage<?>> events) {
        List<AppendedEvent> appended = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                appended.add(new AppendedEvent(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                        domainEvent.getIdentifier()));
            } else {
                appended.add(new AppendedEvent(event.getIdentifier(), 0L, event.getIdentifier()));
            }
        }
        return appended;
    }
}
