package vn.childprotection.casetracker.command.casefile;

import java.util.Optional;

/**
 * What the command side knows of children across cases: which child a case is of, and which communes know a child
 * (a case of the child is or was run there: reported there or transferred to it). Used to let a report name a known
 * child (Circular 13/2021/TT-BLĐTBXH: children are counted once) and to check a closing as a duplicate report.
 */
public interface KnownChildren {

    /**
     * @return the child id of the case, or empty when there is no such case
     */
    Optional<String> childOf(String caseId);

    /**
     * Where the child stands for a report by {@code communeCode}. Holds a shared lock on what it read until the
     * transaction ends, so an erasure of the same child waits for the report (or the report for the erasure).
     *
     * @param childId     the child id a report names
     * @param communeCode the commune the report is for
     */
    Standing standing(String childId, String communeCode);

    /**
     * How a named child stands for one commune.
     */
    enum Standing {
        /** A case of the child is or was run by the commune. */
        KNOWN,
        /** Known to the commune, but the child's identity was erased. */
        ERASED,
        /** Unknown, or known only to other communes (which is not told). */
        NOT_KNOWN_HERE
    }
}
