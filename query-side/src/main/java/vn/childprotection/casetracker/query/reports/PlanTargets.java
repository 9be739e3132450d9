package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.childprotection.casetracker.query.targets.CommuneTargets;

/**
 * The plan's targets for an org unit and a period (<i>mục tiêu kế hoạch</i>): those the cases show, and those the
 * communes entered, side by side.
 *
 * @param year        the plan year of the entered figures
 * @param generatedAt when the answer was made
 * @param countedAt   the instant (UTC) the counted facts are those of: {@code generatedAt}, or earlier when a count was
 *                    given from earlier facts on {@code Cache-Control: max-stale} (the earliest of them)
 * @param communes    what each commune in scope entered for the year (its latest recording by {@code asOf})
 */
@Schema(name = "PlanTargets")
public record PlanTargets(String orgUnit, int year, LocalDate from, LocalDate to, Instant asOf,
                          Instant generatedAt, Instant countedAt, List<TargetLine> lines, List<CommuneFigures> communes) {

    /**
     * A commune in scope and the figures it entered for the year.
     *
     * @param entered its latest recording by the as-of instant (values null when not reported, and who recorded it
     *                when), or null when the commune entered nothing
     */
    @Schema(name = "CommuneFigures")
    public record CommuneFigures(String communeCode, String nameVi, String nameEn, CommuneTargets entered) {
    }
}
