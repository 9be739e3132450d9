package vn.childprotection.casetracker.platform.security;

import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The documented demo users of the local default; each one's password is its user name. Never used with an
 * external database (see {@link SecurityConfiguration}).
 */
final class DemoUsers {

    private DemoUsers() {
    }

    static List<UserAccount> accounts(PasswordEncoder encoder) {
        return List.of(
                account(encoder, "worker.anlao", "313-tt-an-lao", Role.COMMUNE_WORKER),
                account(encoder, "chair.anlao", "313-tt-an-lao", Role.COMMUNE_CHAIR),
                account(encoder, "police", "313-police", Role.AGENCY_STAFF),
                account(encoder, "health", "313-health-centre", Role.AGENCY_STAFF),
                account(encoder, "coordinator", "313-labour-office", Role.COORDINATOR),
                account(encoder, "auditor", "313", Role.AUDITOR),
                account(encoder, "dashboard", "313", Role.DASHBOARD));
    }

    private static UserAccount account(PasswordEncoder encoder, String username, String orgUnit, Role role) {
        return new UserAccount(username, encoder.encode(username), orgUnit, role);
    }
}
