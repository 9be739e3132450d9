package vn.childprotection.casetracker.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The coordinator gave an intervention to another agency (typically after the first one declined it); it is
 * ASSIGNED again, to the new agency, with the due date given.
 */
public record InterventionReassigned(String caseId, Instant occurredAt, String interventionId,
                                     String fromAgencyCode, String toAgencyCode, LocalDate dueDate)
        implements CaseEvent {
}
