package vn.childprotection.casetracker.platform.security;

import java.util.ArrayList;
import java.util.List;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * The documented demo users of the local default; each one's password is its user name. Never used with an
 * external database (see {@link SecurityConfiguration}).
 * <p>
 * The users named after a unit that ended on 30/6/2025 ({@code worker.anlao}, {@code police}, ...) stay for
 * the history entered in their name; those of the structure from 1/7/2025 (Nghị quyết 1669/NQ-UBTVQH15) are the
 * {@code *.xaanlao} users of Xã An Lão and its agencies and the {@code *.haiphong} users of the city.
 * <p>
 * Besides the named users, every commune (<i>xã, thị trấn</i>) of the registry has a worker {@code worker.<code>}
 * and a chair {@code chair.<code>}, so demo data can be spread over all communes through the API. Their passwords
 * are stored as they are ({@code {noop}}): they are published in the README, so a hash would protect nothing, while
 * HTTP Basic would check it on every request (at bcrypt's default cost, a data load could then send only a few
 * requests per second per core).
 */
final class DemoUsers {

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
                account("dashboard", "313", Role.DASHBOARD),
                account("worker.xaanlao", "31-xa-an-lao", Role.COMMUNE_WORKER),
                account("chair.xaanlao", "31-xa-an-lao", Role.COMMUNE_CHAIR),
                account("coordinator.xaanlao", "31-xa-an-lao-culture-social", Role.COORDINATOR),
                account("police.xaanlao", "31-xa-an-lao-police", Role.AGENCY_STAFF),
                account("health.xaanlao", "31-xa-an-lao-health-station", Role.AGENCY_STAFF),
                account("coordinator.haiphong", "31-health-department", Role.COORDINATOR),
                account("auditor.haiphong", "31", Role.AUDITOR),
                account("dashboard.haiphong", "31", Role.DASHBOARD)));
        orgUnits.all().stream().filter(unit -> unit.type() == OrgUnitType.COMMUNE).forEach(commune -> {
            accounts.add(account("worker." + commune.code(), commune.code(), Role.COMMUNE_WORKER));
            accounts.add(account("chair." + commune.code(), commune.code(), Role.COMMUNE_CHAIR));
        });
        return accounts;
    }

    private static UserAccount account(String username, String orgUnit, Role role) {
        return new UserAccount(username, "{noop}" + username, orgUnit, role);
    }
}
