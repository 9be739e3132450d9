package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * Carry an open case over to the successor of its ceased commune, if that commune went whole into one successor
 * (sent by the service itself, for cases nobody touches). Repeating it changes nothing.
 *
 * @param asOf the instant (UTC) whose Vietnam day decides whether the commune has ceased: normally now
 */
public record CarryOverCase(@TargetAggregateIdentifier String caseId, Instant asOf) {

    /**
     * What this command does to an open case run by {@code communeCode}, known without loading the case: the
     * outcome depends on the commune and the day only (a closed case always {@link CarryOverOutcome#STAYS}). Lets
     * the recurring carry-over send the command only to the cases it moves, instead of loading every open case of a
     * split commune on every run.
     *
     * @param orgUnits    the org units
     * @param communeCode the commune running the case
     * @param asOf        the instant (UTC) whose Vietnam day decides
     * @return {@link CarryOverOutcome#CARRIED_OVER} when the commune ceased before that day into one whole successor
     *         (or a chain of them), {@link CarryOverOutcome#WAITING_FOR_CHOICE} when a split commune stands on the
     *         way, else {@link CarryOverOutcome#STAYS}
     */
    public static CarryOverOutcome outcomeForOpenCase(OrgUnitRegistry orgUnits, String communeCode, Instant asOf) {
        return CommuneSuccession.on(orgUnits, null, communeCode, asOf).carryOverOutcome();
    }
}
