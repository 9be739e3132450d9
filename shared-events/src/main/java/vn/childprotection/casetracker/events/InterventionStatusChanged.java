package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * The agency an intervention is assigned to changed its status (<i>thực hiện</i>, Decree 56 Art 29).
 *
 * @param agencyCode the agency that made the change (the one the intervention is assigned to)
 * @param note       the agency's note, encrypted; may be null
 */
public record InterventionStatusChanged(String caseId, Instant occurredAt, String interventionId, String agencyCode,
                                        InterventionStatus previousStatus, InterventionStatus newStatus,
                                        EncryptedText note) implements CaseEvent {
}
