package vn.childprotection.casetracker.orgunits;

import java.util.List;
import java.util.Map;
import vn.childprotection.casetracker.signin.JwtSignInContext;

/**
 * Bearer tokens for the demo users of the structure in force since 1/7/2025, and for the earlier coordinator, with
 * the org unit and role {@code DemoUsers} gives them. A fresh token each time: they expire after 5 minutes.
 */
final class DemoTokens {

    private static final Map<String, List<String>> USERS = Map.of(
            "worker.xaanlao", List.of("31-xa-an-lao", "COMMUNE_WORKER"),
            "coordinator.xaanlao", List.of("31-xa-an-lao-culture-social", "COORDINATOR"),
            "coordinator.haiphong", List.of("31-health-department", "COORDINATOR"),
            "auditor.haiphong", List.of("31", "AUDITOR"),
            "dashboard.haiphong", List.of("31", "DASHBOARD"),
            "coordinator", List.of("313-labour-office", "COORDINATOR"));

    private DemoTokens() {
    }

    /** The {@code Authorization} header of a fresh token for this user. */
    static Map<String, String> as(String user) {
        List<String> unitAndRole = USERS.get(user);
        return JwtSignInContext.signedInAs(user, unitAndRole.get(0), unitAndRole.get(1));
    }
}
