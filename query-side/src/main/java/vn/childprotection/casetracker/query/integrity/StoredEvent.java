package vn.childprotection.casetracker.query.integrity;

/**
 * One row of {@code domain_event_entry} exactly as stored: the bytes the chain is computed over. Payload and
 * metadata stay opaque here (they are never parsed, so no personal data is ever opened).
 * <p>
 * Arrays compare by identity in a record; compare the fields, not the records.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData,
        String timeStamp) {
}
