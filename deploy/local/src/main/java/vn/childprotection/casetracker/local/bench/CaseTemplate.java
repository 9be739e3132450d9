package vn.childprotection.casetracker.local.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case present when a store growth starts, as stored, that clones are made from.
 *
 * @param caseId        the case (aggregate identifier)
 * @param aggregateType the aggregate type column of its events ({@code CaseFile})
 * @param events        its events in sequence order, serialized as stored
 * @param keyIds        the ids of the child keys its personal data is sealed under (the child's id)
 * @param plainTexts    each sealed value's cipher text (base64) to its plain text; held in memory only while the
 *                      growth runs, never logged
 * @param deadlines     its time limits whose schedule is still waiting to fire in the future
 */
record CaseTemplate(String caseId, String aggregateType, List<StoredEvent> events, Set<String> keyIds,
                    Map<String, String> plainTexts, List<PendingDeadline> deadlines) {

    /**
     * One stored event: the columns of {@code domain_event_entry} a clone is made from.
     *
     * @param eventId         {@code event_identifier}
     * @param sequenceNumber  {@code sequence_number}
     * @param payloadType     {@code payload_type}
     * @param payloadRevision {@code payload_revision}, may be null
     * @param payload         the payload JSON, UTF-8
     * @param metaData        the metadata JSON, UTF-8
     * @param timestamp       {@code time_stamp}, kept by the clone
     */
    record StoredEvent(String eventId, long sequenceNumber, String payloadType, String payloadRevision,
                       byte[] payload, byte[] metaData, Instant timestamp) {
    }

    /**
     * A time limit of the template whose persistent schedule fires in the future: a clone gets its own schedule.
     *
     * @param scheduleId the template's schedule ({@code DeadlineScheduled.scheduleId}, db-scheduler's task instance)
     * @param deadlineId the deadline within the case ({@code DeadlineScheduled.deadlineId})
     * @param dueAt      when it fires, UTC
     */
    record PendingDeadline(String scheduleId, String deadlineId, Instant dueAt) {
    }
}
