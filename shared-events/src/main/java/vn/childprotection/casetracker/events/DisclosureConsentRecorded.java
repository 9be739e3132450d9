package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;

/**
 * A party's consent to disclose the child's information was given, refused or withdrawn. Disclosure needs the
 * child's consent (aged 7 or over) and the parent's or guardian's (Luật Trẻ em Art 21); the latest record of each
 * party counts.
 */
public record DisclosureConsentRecorded(String caseId, Instant occurredAt, ConsentParty party, ConsentStatus status)
        implements CaseEvent {
}
