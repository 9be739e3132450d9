package vn.childprotection.casetracker.command.targets;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import vn.childprotection.casetracker.command.casefile.AccessRefused;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Who may record a commune's figures for the plan's targets: the commune's own child-protection worker or chair
 * (each commune reports its figures to the district), or the multi-agency coordinator (who enters a commune's paper
 * report). Checked against the actor recorded on the command being handled.
 */
final class TargetsPermissions {

    static final String REFUSAL = "Only the commune child-protection worker or the commune chair of this commune, or "
            + "the multi-agency coordinator, may record its figures for the plan's targets.";

    private TargetsPermissions() {
    }

    /**
     * @throws AccessRefused unless the current command's actor may record the figures of {@code communeCode}
     */
    static void requireMayRecord(String communeCode) {
        MetaData metaData = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getMetaData()
                : MetaData.emptyInstance();
        Role role = role(metaData.get(ActorMetaData.ROLE));
        Object orgUnit = metaData.get(ActorMetaData.ORG_UNIT);
        boolean communeStaff = (role == Role.COMMUNE_WORKER || role == Role.COMMUNE_CHAIR)
                && communeCode.equals(orgUnit);
        if (!communeStaff && role != Role.COORDINATOR) {
            throw new AccessRefused(REFUSAL);
        }
    }

    private static Role role(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
