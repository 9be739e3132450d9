package vn.childprotection.casetracker.command.casefile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * Who may take which step of a case (need-to-know, domain.md section 7), checked against the actor recorded on the
 * command being handled. Reporting is open to every signed-in person: concealing information about an abused
 * child is itself banned, so no rule may block a report.
 */
final class StepPermissions {

    /**
     * The kinds of step, each with the roles that take it and why.
     */
    enum Step {
        /** Reporting a case: everyone signed in but the dashboard, a machine account for aggregates. */
        REPORT("The dashboard account reads aggregates only; it takes no step of a case."),
        /** Assessments, emergency measures, drafting, reviews, transfer requests, reopening, consents. */
        COMMUNE_WORK("Only the commune child-protection worker or the commune chair of the commune running the "
                + "case may take this step."),
        /** Approval of the plan, temporary removal, closing (Decree 56 Art 28.4, 32, 30.1). */
        CHAIR_DECISION("Only the chair of the commune running the case (Chủ tịch UBND cấp xã) may decide this."),
        /** Progress of an intervention, by whoever it is assigned to. */
        AGENCY_WORK("Only staff of the agency or commune an intervention is assigned to may report on it."),
        /** Giving an intervention to another agency. */
        COORDINATION("Only the multi-agency coordinator may reassign an intervention."),
        /** Answering a transfer request, by the receiving commune. */
        TRANSFER_DECISION("Only the commune child-protection worker or chair of the receiving commune may answer "
                + "a transfer."),
        /** Choosing the successor of a split commune for a case (the 2025 reform). */
        SUCCESSOR_CHOICE("Only the multi-agency coordinator or the chair of one of the successor communes may choose "
                + "the commune that runs the case now."),
        /** Erasing the child's identity. */
        ERASURE("Only the chair of the commune running the case or the coordinator may authorise an erasure.");

        private final String refusal;

        Step(String refusal) {
            this.refusal = refusal;
        }
    }

    private StepPermissions() {
    }

    /**
     * @throws AccessRefused unless the current command's actor may take {@code step} on a case run by
     *                       {@code communeCode}
     */
    static void require(Step step, String communeCode) {
        require(step, communeCode, Set.of(), null);
    }

    /**
     * The check every command handler makes first, before any rule of the procedure, so that a refusal tells a
     * caller outside the case's reach nothing of it (no 409 naming its agencies, interventions or transfers).
     *
     * @param communeCode      the commune running the case now
     * @param assignedOrgUnits the org units an intervention of the case's approved plan is assigned to, empty when
     *                         none (or the case is closed): who is within reach for {@link Step#AGENCY_WORK}
     * @param pendingTransferTo the commune a pending transfer would hand the case to, or null: who is within reach
     *                         for {@link Step#TRANSFER_DECISION} besides the commune running the case
     * @throws AccessRefused unless the current command's actor may take {@code step} on this case
     */
    static void require(Step step, String communeCode, Set<String> assignedOrgUnits, String pendingTransferTo) {
        requireAny(step, List.of(communeCode), assignedOrgUnits, pendingTransferTo);
    }

    /**
     * As {@link #require(Step, String, Set, String)}, allowed when allowed for any of {@code communes}: the commune
     * that runs the case once carried over, or a ceased commune and its candidate successors while one is to be
     * chosen (for {@link Step#SUCCESSOR_CHOICE}: the candidates).
     *
     * @throws AccessRefused unless the current command's actor may take {@code step} for one of the communes
     */
    static void requireAny(Step step, List<String> communes, Set<String> assignedOrgUnits,
                           String pendingTransferTo) {
        MetaData metaData = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getMetaData()
                : MetaData.emptyInstance();
        Role role = role(metaData);
        String orgUnit = (String) metaData.get(ActorMetaData.ORG_UNIT);
        if (communes.stream().noneMatch(c -> allowed(step, c, role, orgUnit, assignedOrgUnits, pendingTransferTo))) {
            throw new AccessRefused(step.refusal);
        }
    }

    private static boolean allowed(Step step, String communeCode, Role role, String orgUnit,
                                   Set<String> assignedOrgUnits, String pendingTransferTo) {
        boolean communeStaff = (role == Role.COMMUNE_WORKER || role == Role.COMMUNE_CHAIR)
                && communeCode.equals(orgUnit);
        return switch (step) {
            case COMMUNE_WORK -> communeStaff;
            case CHAIR_DECISION -> role == Role.COMMUNE_CHAIR && communeCode.equals(orgUnit);
            case REPORT -> role != null && role != Role.DASHBOARD;
            case AGENCY_WORK -> communeStaff || (role == Role.AGENCY_STAFF || role == Role.COMMUNE_WORKER
                    || role == Role.COMMUNE_CHAIR) && assignedOrgUnits.contains(orgUnit);
            case COORDINATION -> role == Role.COORDINATOR;
            case TRANSFER_DECISION -> communeStaff || (role == Role.COMMUNE_WORKER || role == Role.COMMUNE_CHAIR)
                    && orgUnit != null && orgUnit.equals(pendingTransferTo);
            case SUCCESSOR_CHOICE -> role == Role.COORDINATOR || role == Role.COMMUNE_CHAIR
                    && communeCode.equals(orgUnit);
            case ERASURE -> role == Role.COORDINATOR || role == Role.COMMUNE_CHAIR && communeCode.equals(orgUnit);
        };
    }

    private static Role role(Map<String, ?> metaData) {
        Object value = metaData.get(ActorMetaData.ROLE);
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
