package vn.childprotection.casetracker.events;

import java.time.Instant;

/**
 * Every event of a case carries its case id and the domain time at which the thing happened ({@code occurredAt}),
 * which can differ from the time it was recorded (the event's timestamp): a report entered late keeps the day
 * it was received. Who did it (user, org unit, role) travels in the event's metadata.
 */
public interface CaseEvent {

    String caseId();

    Instant occurredAt();
}
