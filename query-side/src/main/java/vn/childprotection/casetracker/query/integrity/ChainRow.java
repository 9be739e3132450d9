package vn.childprotection.casetracker.query.integrity;

/**
 * An event and its chain row, joined on the global index. Either may be missing: an event without a chain row was
 * inserted behind the trigger's back (or its chain row was deleted); a chain row without an event is what a deleted
 * event leaves behind.
 *
 * @param event the stored event, or null
 * @param link  its chain row, or null
 */
public record ChainRow(StoredEvent event, ChainLink link) {

    public long globalIndex() {
        return link != null ? link.globalIndex() : event.globalIndex();
    }

    public String caseId() {
        return link != null ? link.aggregateIdentifier() : event.aggregateIdentifier();
    }

    public long sequenceNumber() {
        return link != null ? link.sequenceNumber() : event.sequenceNumber();
    }
}
