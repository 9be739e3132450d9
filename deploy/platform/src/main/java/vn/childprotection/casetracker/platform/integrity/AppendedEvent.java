package vn.childprotection.casetracker.platform.integrity;

/**
 * An event the service has just inserted in {@code domain_event_entry}, as the service itself knows it (not as the
 * database answers): what its chain row must be about.
 *
 * @param aggregateIdentifier the case id (or, for an event of no aggregate, its own identifier, as Axon stores it)
 * @param sequenceNumber      its sequence number in the case, from 0
 * @param eventIdentifier     its event identifier
 */
public record AppendedEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier) {
}
