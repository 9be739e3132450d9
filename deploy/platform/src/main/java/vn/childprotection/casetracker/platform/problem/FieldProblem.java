package vn.childprotection.casetracker.platform.problem;

/**
 * One problem with one field of a request: which field and what is wrong with it. Never echoes the value sent,
 * which may be personal data.
 */
public record FieldProblem(String field, String problem) {
}
