package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Choose which successor of the split commune that ran the case runs it now (the 2025 reform: Thái Sơn and Trường
 * Sơn were split).
 *
 * @param expectedVersion the Axon version the caller read ({@code If-Match}), or null
 * @param occurredAt      when the choice was made (UTC); the commune must have ceased before its Vietnam day
 * @param communeCode     the successor chosen: one that took over some of the ceased commune's people
 */
public record ChooseSuccessorCommune(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                                     Instant occurredAt, String communeCode) {
}
