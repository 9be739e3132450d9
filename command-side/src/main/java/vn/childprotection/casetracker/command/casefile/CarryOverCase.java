package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carry an open case over to the successor of its ceased commune, if that commune went whole into one successor
 * (sent by the service itself, for cases nobody touches). Repeating it changes nothing.
 *
 * @param asOf the instant (UTC) whose Vietnam day decides whether the commune has ceased: normally now
 */
public record CarryOverCase(@TargetAggregateIdentifier String caseId, Instant asOf) {
}
