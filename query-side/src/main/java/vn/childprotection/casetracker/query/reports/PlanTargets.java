package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan's targets for an org unit and a period (<i>mục tiêu kế hoạch</i>): those the cases show, and those the
 * communes entered, side by side.
 *
 * @param year     the plan year of the entered figures
 * @param communes what each commune in scope entered for the year (its latest recording by {@code asOf})
 */
@Schema(name = "PlanTargets")
public record PlanTargets(String orgUnit, int year, LocalDate from, LocalDate to, Instant asOf,
                          List<TargetLine> lines, List<CommuneFigures> communes) {

    /**
     * A commune's entered figures; null values were not reported.
     *
     * @param recordedAt when the latest recording used was made, null when the commune entered nothing
     */
    @Schema(name = "CommuneFigures")
    public record CommuneFigures(String communeCode, String nameVi, String nameEn, Instant recordedAt,
                                 Integer childrenUnder6, Integer childrenUnder6WithHealthInsuranceCard,
                                 Integer congenitalHeartDiseaseEligible, Integer congenitalHeartDiseaseReceived,
                                 Boolean childFriendlyCommune, Boolean actionMonthHeld,
                                 Boolean midAutumnFestivalHeld, Boolean childrenForumHeld) {
    }
}
