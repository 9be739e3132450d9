package vn.childprotection.casetracker.command.casefile;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;

/**
 * Puts on each fixture command the actor who would normally send it (as the HTTP layer does in the running
 * service), unless the test set one itself: the chair of the case's commune for commune steps, the acting agency
 * for intervention progress, the coordinator for reassignment, the receiving commune for transfer answers.
 */
final class TestActors {

    static final String COMMUNE = "313-tt-an-lao";

    private TestActors() {
    }

    static MessageDispatchInterceptor<CommandMessage<?>> usual() {
        return messages -> (index, message) -> {
            if (message.getMetaData().containsKey(ActorMetaData.ROLE)) {
                return message;
            }
            Object command = message.getPayload();
            if (command instanceof ChangeInterventionStatus c) {
                return message.andMetaData(actor("staff", c.actingOrgUnit(), "AGENCY_STAFF"));
            }
            if (command instanceof ReassignIntervention) {
                return message.andMetaData(actor("coordinator", "313-labour-office", "COORDINATOR"));
            }
            if (command instanceof AcceptTransfer c) {
                return message.andMetaData(actor("chair", c.actingOrgUnit(), "COMMUNE_CHAIR"));
            }
            if (command instanceof DeclineTransfer c) {
                return message.andMetaData(actor("chair", c.actingOrgUnit(), "COMMUNE_CHAIR"));
            }
            return message.andMetaData(actor("chair", COMMUNE, "COMMUNE_CHAIR"));
        };
    }

    static Map<String, Object> actor(String user, String orgUnit, String role) {
        return Map.of(ActorMetaData.USER, user, ActorMetaData.ORG_UNIT, orgUnit, ActorMetaData.ROLE, role);
    }
}
