package vn.childprotection.casetracker.events;

import java.time.Instant;

/**
 * An administrator loaded a new list of org units (<i>danh mục đơn vị hành chính</i>): units, their validity,
 * parents, successors and reporting groups. Not an event of a case. Each loading is kept, so the structure known at
 * any instant can be rebuilt (a report asked {@code asOf} that instant uses it). Who loaded it travels in the
 * metadata.
 *
 * @param version    1 for the first loading after the shipped list, then 2, 3, …
 * @param occurredAt when the list was loaded (UTC)
 * @param legalBasis the decision that changed the structure (resolution, decree, article), as given by the
 *                   administrator
 * @param document   the whole list as loaded, in the documented JSON format of {@code org-units.json}
 * @param sha256     hex SHA-256 of {@code document} as UTF-8
 */
public record OrgStructureChanged(int version, Instant occurredAt, String legalBasis, String document,
                                  String sha256) {
}
