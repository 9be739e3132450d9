package vn.childprotection.casetracker.command.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.command.deadlines.WorkingCalendarMissing;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;

/**
 * A step that starts a limit counted in working days is refused, writing nothing, when the count would run into a
 * year the working-day calendar (the shipped one: 2023-2027) holds no data for; other steps are unaffected.
 */
class CaseFileWorkingCalendarTest {

    private static final String CASE = "case-cal";

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFileFixtures.timeLimits();
    }

    private static ReportCase report(Instant at) {
        // The commune that existed on the day of the report: Thị trấn An Lão, or Xã An Lão from 1/7/2025.
        String commune = at.isBefore(TestActors.REFORM) ? TestActors.COMMUNE : TestActors.CURRENT_COMMUNE;
        return new ReportCase(CASE, "child-cal", at, commune, commune, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.FEMALE, 8,
                true, null, null, null, null, false, null, null);
    }

    @Test
    void a_detailed_assessment_whose_drafting_limit_runs_into_2028_is_refused_and_records_nothing() {
        // Tuesday 28 December 2027, 10:00 in Vietnam: the 4th and 5th working days would fall in 2028.
        Instant reported = Instant.parse("2027-12-27T03:00:00Z");
        Instant assessed = Instant.parse("2027-12-28T03:00:00Z");
        fixture.givenCurrentTime(reported)
                .andGivenCommands(report(reported),
                        new RecordInitialAssessment(CASE, null, reported, RiskLevel.HIGH, false, null))
                .when(new RecordDetailedAssessment(CASE, null, assessed, RiskLevel.HIGH, null))
                .expectException(WorkingCalendarMissing.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2028"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_report_and_an_emergency_assessment_dated_2022_are_accepted_as_their_limit_is_in_hours() {
        Instant reported = Instant.parse("2022-06-01T03:00:00Z");
        fixture.givenCurrentTime(reported)
                .andGivenCommands(report(reported))
                .when(new RecordInitialAssessment(CASE, null, reported.plus(Duration.ofHours(2)), RiskLevel.HIGH,
                        true, null))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(reported.plus(Duration.ofHours(12)), CaseFile.DEADLINE_NAME);
    }

    @Test
    void a_detailed_assessment_dated_2022_is_refused_and_records_nothing() {
        Instant reported = Instant.parse("2022-06-01T03:00:00Z");
        Instant later = reported.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(reported)
                .andGivenCommands(report(reported),
                        new RecordInitialAssessment(CASE, null, later, RiskLevel.HIGH, false, null))
                .when(new RecordDetailedAssessment(CASE, null, later, RiskLevel.HIGH, null))
                .expectException(WorkingCalendarMissing.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2022"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_detailed_assessment_on_friday_24_january_2025_is_due_after_tet() {
        Instant reported = Instant.parse("2025-01-23T03:00:00Z");
        Instant assessed = Instant.parse("2025-01-24T03:00:00Z");
        // Tết Ất Tỵ: Sat 25 January to Sun 2 February off; Mon 3 to Fri 7 February are the five working days.
        Instant due = Instant.parse("2025-02-07T17:00:00Z");
        fixture.givenCurrentTime(reported)
                .andGivenCommands(report(reported),
                        new RecordInitialAssessment(CASE, null, reported, RiskLevel.HIGH, false, null))
                .when(new RecordDetailedAssessment(CASE, null, assessed, RiskLevel.HIGH, null))
                .expectEvents(new DetailedAssessmentRecorded(CASE, assessed, RiskLevel.HIGH, null),
                        new DeadlineScheduled(CASE, assessed, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, due,
                                TestActors.COMMUNE, null, null))
                .expectScheduledDeadlineWithName(due, CaseFile.DEADLINE_NAME);
    }
}
