package vn.childprotection.casetracker.platform.security;

/**
 * The signed-in person: who, in which org unit, in which role.
 */
public record Actor(String username, String orgUnit, Role role) {
}
