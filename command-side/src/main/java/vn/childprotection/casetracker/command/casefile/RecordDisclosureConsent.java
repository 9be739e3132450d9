package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;

/**
 * Record that the child or the guardian gave, refused or withdrew consent to disclosure.
 */
public record RecordDisclosureConsent(@TargetAggregateIdentifier String caseId,
                                      Long expectedVersion, Instant occurredAt,
                                      ConsentParty party, ConsentStatus status) {
}
