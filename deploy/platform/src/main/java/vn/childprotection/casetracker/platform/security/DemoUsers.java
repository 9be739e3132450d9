package vn.childprotection.casetracker.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * The documented demo users of the local default; each one's password is its user name. Never used with an
 * external database (see {@link SecurityConfiguration}).
 * <p>
 * Besides the named users, every commune (<i>xã, thị trấn</i>) of the registry has a worker {@code worker.<code>}
 * and a chair {@code chair.<code>}, so demo data can be spread over all communes through the API. Their hashes use
 * the lowest bcrypt cost: the passwords are public anyway, and HTTP Basic checks the hash on every request, which
 * at the default cost would limit a data load to a few requests per second per core.
 */
final class DemoUsers {

    private static final PasswordEncoder CHEAP = new BCryptPasswordEncoder(4);

    private DemoUsers() {
    }

    static List<UserAccount> accounts(OrgUnitRegistry orgUnits) {
        List<UserAccount> accounts = new ArrayList<>(List.of(
                account("worker.anlao", "313-tt-an-lao", Role.COMMUNE_WORKER),
                account("chair.anlao", "313-tt-an-lao", Role.COMMUNE_CHAIR),
                account("police", "313-police", Role.AGENCY_STAFF),
                account("health", "313-health-centre", Role.AGENCY_STAFF),
                account("coordinator", "313-labour-office", Role.COORDINATOR),
                account("auditor", "313", Role.AUDITOR),
                account("dashboard", "313", Role.DASHBOARD)));
        orgUnits.all().stream().filter(unit -> unit.type() == OrgUnitType.COMMUNE).forEach(commune -> {
            accounts.add(account("worker." + commune.code(), commune.code(), Role.COMMUNE_WORKER));
            accounts.add(account("chair." + commune.code(), commune.code(), Role.COMMUNE_CHAIR));
        });
        return accounts;
    }

    private static UserAccount account(String username, String orgUnit, Role role) {
        return new UserAccount(username, "{bcrypt}" + CHEAP.encode(username), orgUnit, role);
    }
}
