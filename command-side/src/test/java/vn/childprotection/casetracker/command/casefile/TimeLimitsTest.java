package vn.childprotection.casetracker.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * The table of time limits is whole: every limit of the procedure is started and met by some step, names its
 * article, and ends with the case.
 */
class TimeLimitsTest {

    @Test
    void every_limit_is_started_and_met_by_a_step() {
        Set<DeadlineRule> started = TimeLimits.CLAUSES.stream().filter(TimeLimits.Starts.class::isInstance)
                .map(c -> ((TimeLimits.Starts<?>) c).rule()).collect(Collectors.toSet());
        Set<DeadlineRule> met = TimeLimits.CLAUSES.stream().filter(TimeLimits.Meets.class::isInstance)
                .map(c -> ((TimeLimits.Meets<?>) c).rule()).collect(Collectors.toSet());

        assertThat(started).isEqualTo(EnumSet.allOf(DeadlineRule.class));
        assertThat(met).isEqualTo(EnumSet.allOf(DeadlineRule.class));
    }

    @Test
    void every_line_names_its_article() {
        assertThat(TimeLimits.CLAUSES).allSatisfy(c -> assertThat(c.article()).startsWith("Art "));
    }

    @Test
    void closing_withdraws_every_limit_and_a_reopening_touches_none() {
        CaseClosed closed = new CaseClosed("case-1", Instant.parse("2025-03-01T08:00:00Z"), "MOVED_AWAY", null);
        for (DeadlineRule rule : DeadlineRule.values()) {
            assertThat(TimeLimits.withdrawals(closed)).anySatisfy(c -> assertThat(
                    TimeLimits.selects(c, closed, new TimeLimits.RunningLimit(rule, "iv-1"))).isTrue());
        }
        CaseReopened reopened = new CaseReopened("case-1", Instant.parse("2025-03-02T08:00:00Z"), null);
        assertThat(TimeLimits.withdrawals(reopened)).isEmpty();
        assertThat(TimeLimits.meetings(reopened)).isEmpty();
        assertThat(TimeLimits.starts(reopened)).isEmpty();
    }
}
