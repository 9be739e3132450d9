package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * Record emergency measures (<i>can thiệp khẩn cấp</i>, Mẫu 07), possibly a temporary removal.
 */
public record TakeEmergencyMeasures(@TargetAggregateIdentifier String caseId,
                                    Long expectedVersion, Instant occurredAt,
                                    List<EmergencyMeasure> measures, TemporaryRemoval temporaryRemoval,
                                    PersonalText notes) {
}
