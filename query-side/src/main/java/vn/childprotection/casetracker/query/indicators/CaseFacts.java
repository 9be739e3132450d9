package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.TimeLimitOutcome;

/**
 * What indicators know of one case, as recorded by an as-of instant: the plain fields of its report and its counted
 * steps in order. The measures are answered here, each looking only at what had happened by the end of the period.
 */
record CaseFacts(String caseId, String childId, String communeCode, CaseCategory category, String channel,
                 String sex, int ageYears, String setting, Set<String> abuseForms, Set<String> specialGroups,
                 Instant reportedAt, List<CaseStep> steps, List<CommuneSpell> communes) {

    /**
     * @param communeCode the commune that reported the case (the first of {@code communes})
     * @param communes    the communes that ran the case, in order: the reporting one, then each accepted
     *                    transfer's and carry-over's; a list without any stands for the reporting commune throughout
     */
    CaseFacts {
        communes = communes == null || communes.isEmpty()
                ? List.of(new CommuneSpell(0, communeCode, reportedAt)) : List.copyOf(communes);
    }

    boolean counts(Measure measure, ReportingPeriod period) {
        return countedAt(measure, period).isPresent();
    }

    /**
     * The commune the case counts in for this measure and period: the one that ran it when the counted fact
     * happened (a fact counts in the unit valid when it happened), or empty when the case does not count.
     */
    Optional<String> countedIn(Measure measure, ReportingPeriod period) {
        return countedAt(measure, period).map(this::communeAt);
    }

    /**
     * When the fact that makes the case count happened: the report for measures of reported cases, the first
     * counted step in the period for help given and closings, the end of the period for cases open then.
     */
    private Optional<Instant> countedAt(Measure measure, ReportingPeriod period) {
        return switch (measure) {
            case REPORTED -> when(period.contains(reportedAt), reportedAt);
            case FOLLOWED -> when(period.contains(reportedAt) && happened(StepKind.INITIAL_ASSESSMENT, period),
                    reportedAt);
            case SUPPORTED -> steps.stream().filter(s -> (s.kind() == StepKind.EMERGENCY_MEASURES
                    || s.kind() == StepKind.PLAN_APPROVED) && period.contains(s.occurredAt()))
                    .map(CaseStep::occurredAt).min(Comparator.naturalOrder());
            case HELPED_IN_TIME -> when(period.contains(reportedAt) && helpedInTime(period), reportedAt);
            case OPEN_AT_END -> when(reportedAt.isBefore(period.end()) && !closedAt(period.end()),
                    period.end().minusNanos(1));
            case CLOSED_IN_PERIOD -> steps.stream().filter(s -> s.kind() == StepKind.CLOSED
                    && period.contains(s.occurredAt())).map(CaseStep::occurredAt).min(Comparator.naturalOrder());
        };
    }

    /** The commune that ran the case at this instant: the last change at or before it, else the reporting one. */
    String communeAt(Instant instant) {
        String at = communes.get(0).communeCode();
        for (CommuneSpell spell : communes) {
            if (!spell.since().isAfter(instant)) {
                at = spell.communeCode();
            }
        }
        return at;
    }

    private static Optional<Instant> when(boolean counts, Instant at) {
        return counts ? Optional.of(at) : Optional.empty();
    }

    /**
     * From {@code since} on, {@code communeCode} ran the case (the event at {@code sequenceNumber} said so).
     */
    record CommuneSpell(long sequenceNumber, String communeCode, Instant since) {
    }

    /**
     * Help in time (<i>hỗ trợ, can thiệp kịp thời</i>, domain.md section 6b), by the end of the period: when an
     * emergency was found, emergency measures met their time limit (12 hours from the report by default); otherwise
     * the support plan was drafted and approved, each within its own time limit (5 and 2 working days by default).
     * The limits are the due instants the procedure scheduled, so they follow the configured deadlines; a step taken
     * at or after its due instant ({@link TimeLimitOutcome}, the comparison every view uses), or not at all by the end
     * of the period, is not in time.
     */
    boolean helpedInTime(ReportingPeriod period) {
        return helpedInTimeBy(period.end());
    }

    /** {@link #helpedInTime(ReportingPeriod)} for a period ending (exclusive) at {@code end}. */
    boolean helpedInTimeBy(Instant end) {
        Optional<CaseStep> emergency = firstScheduled(DeadlineRule.EMERGENCY_MEASURES, end);
        if (emergency.isPresent()) {
            return metInTime(emergency.get(), end);
        }
        Optional<CaseStep> drafting = firstScheduled(DeadlineRule.PLAN_DRAFTING, end);
        Optional<CaseStep> approval = firstScheduled(DeadlineRule.PLAN_APPROVAL, end);
        return drafting.isPresent() && approval.isPresent() && metInTime(drafting.get(), end)
                && metInTime(approval.get(), end);
    }

    private boolean happened(StepKind kind, ReportingPeriod period) {
        return steps.stream().anyMatch(s -> s.kind() == kind && s.occurredAt().isBefore(period.end()));
    }

    /** Whether the case stood closed just before {@code instant}: its last closing or reopening before it closed it. */
    boolean closedAt(Instant instant) {
        return steps.stream()
                .filter(s -> (s.kind() == StepKind.CLOSED || s.kind() == StepKind.REOPENED)
                        && s.occurredAt().isBefore(instant))
                .max(Comparator.comparingLong(CaseStep::sequenceNumber))
                .map(s -> s.kind() == StepKind.CLOSED).orElse(false);
    }

    private Optional<CaseStep> firstScheduled(DeadlineRule rule, Instant end) {
        return steps.stream().filter(s -> s.kind() == StepKind.DEADLINE_SCHEDULED && s.rule() == rule
                && s.occurredAt().isBefore(end)).findFirst();
    }

    private boolean metInTime(CaseStep scheduled, Instant end) {
        return steps.stream().anyMatch(s -> s.kind() == StepKind.DEADLINE_FULFILLED
                && scheduled.deadlineId().equals(s.deadlineId()) && s.occurredAt().isBefore(end)
                && !TimeLimitOutcome.late(s.occurredAt(), scheduled.dueAt()));
    }
}
