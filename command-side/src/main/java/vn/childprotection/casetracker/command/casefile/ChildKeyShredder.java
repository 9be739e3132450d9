package vn.childprotection.casetracker.command.casefile;

/**
 * Deletes a child's key, in the transaction of the event that records the erasure.
 */
public interface ChildKeyShredder {

    void shred(String childId);
}
