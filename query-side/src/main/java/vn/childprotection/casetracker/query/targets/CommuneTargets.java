package vn.childprotection.casetracker.query.targets;

import java.time.Instant;
import vn.childprotection.casetracker.values.CommuneTargetItem;

/**
 * One recording of a commune's figures for the plan's targets of a year (<i>chỉ tiêu kế hoạch</i>), as
 * {@link CommuneTargetQueries} answers it. A null value was not reported. Labels of the items are in
 * {@link CommuneTargetItem}.
 *
 * @param version     which recording of the commune and year this is (1 = the first)
 * @param occurredAt  when the figures were taken or reported (domain time)
 * @param recordedAt  when this recording was stored (the event's timestamp)
 * @param recordedBy  the user who recorded it
 * @param orgUnit     the recording user's org unit
 * @param role        the recording user's role
 */
public record CommuneTargets(String communeCode, int year, long version, Instant occurredAt, Instant recordedAt,
                             String recordedBy, String orgUnit, String role, Integer childrenUnder6,
                             Integer childrenUnder6WithHealthInsuranceCard, Integer congenitalHeartDiseaseEligible,
                             Integer congenitalHeartDiseaseReceived, Boolean childFriendlyCommune,
                             Boolean actionMonthHeld, Boolean midAutumnFestivalHeld, Boolean childrenForumHeld) {

    /**
     * The value of one item: an Integer for a count, a Boolean for yes/no, null when not reported.
     */
    public Object value(CommuneTargetItem item) {
        return switch (item) {
            case CHILDREN_UNDER_6 -> childrenUnder6;
            case CHILDREN_UNDER_6_WITH_HEALTH_INSURANCE_CARD -> childrenUnder6WithHealthInsuranceCard;
            case CONGENITAL_HEART_DISEASE_ELIGIBLE -> congenitalHeartDiseaseEligible;
            case CONGENITAL_HEART_DISEASE_RECEIVED -> congenitalHeartDiseaseReceived;
            case CHILD_FRIENDLY_COMMUNE -> childFriendlyCommune;
            case ACTION_MONTH_HELD -> actionMonthHeld;
            case MID_AUTUMN_FESTIVAL_HELD -> midAutumnFestivalHeld;
            case CHILDREN_FORUM_HELD -> childrenForumHeld;
        };
    }
}
