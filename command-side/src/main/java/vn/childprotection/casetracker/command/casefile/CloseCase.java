package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close the case (<i>kết thúc</i>) with a reason from the configured list.
 *
 * @param duplicateOfCaseId with reason {@value DuplicateReport#REASON} only: the case of the same child this one
 *                          repeats; null otherwise
 */
public record CloseCase(@TargetAggregateIdentifier String caseId, Long expectedVersion,
                        Instant occurredAt, String reasonCode, PersonalText notes, String duplicateOfCaseId) {

    /**
     * A closing for any reason but a duplicate report.
     */
    public CloseCase(String caseId, Long expectedVersion, Instant occurredAt, String reasonCode, PersonalText notes) {
        this(caseId, expectedVersion, occurredAt, reasonCode, notes, null);
    }
}
