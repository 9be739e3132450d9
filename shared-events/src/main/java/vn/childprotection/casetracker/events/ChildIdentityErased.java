package vn.childprotection.casetracker.events;

import java.time.Instant;

/**
 * The child's identity was erased (right to be forgotten, PDP Law 2025): the child's key was deleted in the same
 * transaction, so every encrypted field of every event of this child is unreadable for good. The history, its hash
 * chain and the statistics stay intact, since they never held the plain text.
 *
 * @param childId                the child whose key was deleted
 * @param legalBasis             code of the ground for erasure (from configuration), not personal
 * @param authorisationReference the reference of the decision that authorised it (e.g. a decision number), not
 *                               personal
 */
public record ChildIdentityErased(String caseId, Instant occurredAt, String childId, String legalBasis,
                                  String authorisationReference) implements CaseEvent {
}
