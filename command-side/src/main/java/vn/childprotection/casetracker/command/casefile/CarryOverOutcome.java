package vn.childprotection.casetracker.command.casefile;

/** What {@link CarryOverCase} did to a case. */
public enum CarryOverOutcome {
    /** Carried over to the successor of its ceased commune (one or more {@code CaseCarriedOver}). */
    CARRIED_OVER,
    /** Its commune was split: it waits until a person chooses the successor. */
    WAITING_FOR_CHOICE,
    /** Nothing to do: its commune exists, it was carried over already, or it is closed. */
    STAYS
}
