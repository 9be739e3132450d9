package vn.childprotection.casetracker.query.admin;

/**
 * The caller's role may not use this admin endpoint. Answered with 403, rule {@code role-not-allowed}, like the
 * query side's other refusals.
 */
public class ProjectionAdminRefusedException extends RuntimeException {

    public ProjectionAdminRefusedException(String detail) {
        super(detail);
    }
}
