package vn.childprotection.casetracker.platform.orgunits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.platform.security.UserAccount;

/**
 * Who may load a new list of org units: a coordinator ({@link Role#COORDINATOR}) of a province-level unit
 * (<i>tỉnh, thành phố</i>) or of an agency directly under one (e.g. {@code 31-health-department}, Sở Y tế, the
 * child-protection authority of Hải Phòng since 16/6/2025, Nghị định 150/2025/NĐ-CP Art 8(10)), the unit existing
 * today (Vietnam day). Everyone else is refused with 403 before the request body is read.
 */
@Component
public class OrgStructureAdministrators implements AuthorizationManager<RequestAuthorizationContext> {

    private final OrgUnitRegistry registry;
    private final Clock clock;

    public OrgStructureAdministrators(OrgUnitRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Whether this actor may load a new list of org units today. */
    public boolean isAdministrator(Actor actor) {
        if (actor == null || actor.role() != Role.COORDINATOR) {
            return false;
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeRule.VIETNAM));
        OrgStructure current = registry.current();
        return current.find(actor.orgUnit()).filter(unit -> unit.validOn(today)).filter(unit ->
                unit.type() == OrgUnitType.PROVINCE || (unit.type() == OrgUnitType.AGENCY
                        && current.find(unit.parentCode()).map(p -> p.type() == OrgUnitType.PROVINCE).orElse(false)))
                .isPresent();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication signedIn = authentication.get();
        Object principal = signedIn == null || !signedIn.isAuthenticated() ? null : signedIn.getPrincipal();
        Actor actor = principal instanceof UserAccount account ? account.actor()
                : principal instanceof Actor a ? a : null;
        return new AuthorizationDecision(isAdministrator(actor));
    }
}
