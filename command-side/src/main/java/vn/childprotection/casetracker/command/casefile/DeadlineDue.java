package vn.childprotection.casetracker.command.casefile;

/**
 * The payload of a persistent deadline: which of the case's time limits has come due.
 */
public record DeadlineDue(String deadlineId) {
}
