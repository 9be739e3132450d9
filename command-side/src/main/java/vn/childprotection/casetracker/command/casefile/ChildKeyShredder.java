package vn.childprotection.casetracker.command.casefile;

/**
 * Deletes what outside the event store could open or confirm a child's identity: the child's key and the
 * idempotency records of the child's reports; in the transaction of the event that records the erasure.
 */
public interface ChildKeyShredder {

    /**
     * @param childId the child whose key and idempotency records are deleted; nothing happens when there are none
     */
    void shred(String childId);
}
