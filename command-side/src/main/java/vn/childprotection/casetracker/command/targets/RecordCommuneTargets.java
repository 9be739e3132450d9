package vn.childprotection.casetracker.command.targets;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a commune's figures for the plan's targets of one year (<i>chỉ tiêu kế hoạch</i>). The first recording of a
 * commune and year creates its {@link CommuneYearTargets}; each later one replaces it. A null value is an item not
 * reported.
 *
 * @param expectedVersion the Axon version (number of recordings less one) the figures must be at, from
 *                        {@code If-Match}, or null. Checked by the aggregate itself: Axon does not check a target
 *                        version for a handler that creates its aggregate when missing.
 */
public record RecordCommuneTargets(String communeCode, int year, Long expectedVersion,
                                   Instant occurredAt, Integer childrenUnder6,
                                   Integer childrenUnder6WithHealthInsuranceCard,
                                   Integer congenitalHeartDiseaseEligible, Integer congenitalHeartDiseaseReceived,
                                   Boolean childFriendlyCommune, Boolean actionMonthHeld,
                                   Boolean midAutumnFestivalHeld, Boolean childrenForumHeld) {

    /**
     * The aggregate this command goes to: one per commune and year.
     */
    @TargetAggregateIdentifier
    public String targetsId() {
        return CommuneYearTargets.targetsId(communeCode, year);
    }
}
