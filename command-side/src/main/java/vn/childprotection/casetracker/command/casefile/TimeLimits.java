package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import vn.childprotection.casetracker.command.deadlines.DeadlinePolicy;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.ReviewOutcome;

/**
 * The time limits of Decree 56/2017/NĐ-CP Chapter III, declared once: which step (an event, with a condition) starts
 * which {@link DeadlineRule} and when it falls due (a {@link DeadlinePolicy} method), which step meets it, and which
 * step withdraws it and why. One line per clause; the case file walks these lines for every step it records
 * ({@link TimeLimitLedger}) and no handler schedules, meets or withdraws a limit by itself.
 * <p>
 * Whether a limit was met in time is not declared here: it is the step's {@code occurredAt} against the limit's due
 * instant ({@link vn.childprotection.casetracker.values.TimeLimitOutcome}).
 */
public final class TimeLimits {

    /** Every line, in the order the case file walks them. */
    public static final List<Clause> CLAUSES = List.of(
            // Art 26.3: when the initial assessment (đánh giá nguy cơ ban đầu) calls for emergency measures, they are
            // due 12 h (configured) after the report or the reopening that started this cycle.
            starts(DeadlineRule.EMERGENCY_MEASURES, "Art 26.3", InitialAssessmentRecorded.class,
                    (e, c) -> e.emergency() ? commune(c, c.policy().emergencyMeasuresDue(c.cycleStartedAt()))
                            : List.of()),
            // Art 26.3: emergency measures (can thiệp khẩn cấp) meet it.
            metBy(DeadlineRule.EMERGENCY_MEASURES, "Art 26.3", EmergencyMeasuresTaken.class, (e, l) -> true),
            // Art 32: a temporary removal (tạm thời cách ly) is watched until its last day; a new removal replaces it.
            withdrawnBy(DeadlineRule.TEMPORARY_REMOVAL_END, "Art 32", EmergencyMeasuresTaken.class,
                    (e, l) -> e.temporaryRemoval() != null, "REPLACED_BY_NEW_REMOVAL"),
            starts(DeadlineRule.TEMPORARY_REMOVAL_END, "Art 32", EmergencyMeasuresTaken.class,
                    (e, c) -> e.temporaryRemoval() == null ? List.of()
                            : commune(c, c.policy().endOf(e.temporaryRemoval().endDate()))),
            // Art 32: the approved support plan decides what follows the removal.
            metBy(DeadlineRule.TEMPORARY_REMOVAL_END, "Art 32", SupportPlanApproved.class, (e, l) -> true),
            // Art 28.1: the support plan (kế hoạch hỗ trợ, can thiệp) is drafted within 5 working days of the
            // detailed assessment (đánh giá nguy cơ cụ thể); a later assessment does not restart a running limit.
            starts(DeadlineRule.PLAN_DRAFTING, "Art 28.1", DetailedAssessmentRecorded.class,
                    (e, c) -> c.hasOpen(DeadlineRule.PLAN_DRAFTING) ? List.of()
                            : commune(c, c.policy().planDraftingDue(e.occurredAt()))),
            // Art 28.1 with Art 30: a review (rà soát) that decides to re-plan starts the drafting limit again.
            starts(DeadlineRule.PLAN_DRAFTING, "Art 28.1, Art 30", CaseReviewed.class,
                    (e, c) -> e.outcome() == ReviewOutcome.REPLAN
                            ? commune(c, c.policy().planDraftingDue(e.occurredAt())) : List.of()),
            metBy(DeadlineRule.PLAN_DRAFTING, "Art 28.1", SupportPlanDrafted.class, (e, l) -> true),
            // Art 28.4: the chair approves (phê duyệt) the drafted plan within 2 working days.
            starts(DeadlineRule.PLAN_APPROVAL, "Art 28.4", SupportPlanDrafted.class,
                    (e, c) -> c.hasOpen(DeadlineRule.PLAN_APPROVAL) ? List.of()
                            : commune(c, c.policy().planApprovalDue(e.occurredAt()))),
            metBy(DeadlineRule.PLAN_APPROVAL, "Art 28.4", SupportPlanApproved.class, (e, l) -> true),
            // Art 30: a new approved plan replaces the old plan's review and intervention limits.
            withdrawnBy(DeadlineRule.CASE_REVIEW, "Art 30", SupportPlanApproved.class, (e, l) -> true,
                    "PLAN_REPLACED"),
            withdrawnBy(DeadlineRule.INTERVENTION_DUE, "Art 29", SupportPlanApproved.class, (e, l) -> true,
                    "PLAN_REPLACED"),
            // Art 29: each intervention of the approved plan is due at the end of its own due date, in the name of
            // the agency it is assigned to.
            starts(DeadlineRule.INTERVENTION_DUE, "Art 29", SupportPlanApproved.class,
                    (e, c) -> c.interventions().entrySet().stream().map(i -> new NewLimit(
                            DeadlineRule.INTERVENTION_DUE, c.policy().endOf(i.getValue().dueDate()),
                            i.getValue().agencyCode(), i.getKey())).toList()),
            // Art 30: the approved plan is reviewed (rà soát, đánh giá) at the configured interval.
            starts(DeadlineRule.CASE_REVIEW, "Art 30", SupportPlanApproved.class,
                    (e, c) -> commune(c, c.policy().reviewDue(e.occurredAt()))),
            metBy(DeadlineRule.CASE_REVIEW, "Art 30", CaseReviewed.class, (e, l) -> true),
            starts(DeadlineRule.CASE_REVIEW, "Art 30", CaseReviewed.class,
                    (e, c) -> e.outcome() == ReviewOutcome.REPLAN ? List.of()
                            : commune(c, c.policy().reviewDue(e.occurredAt()))),
            // Art 29: the intervention is met when its agency reports it completed.
            metBy(DeadlineRule.INTERVENTION_DUE, "Art 29", InterventionStatusChanged.class,
                    (e, l) -> e.newStatus() == InterventionStatus.COMPLETED
                            && e.interventionId().equals(l.interventionId())),
            // Art 29: reassigned to another agency, the intervention's limit starts again in that agency's name.
            withdrawnBy(DeadlineRule.INTERVENTION_DUE, "Art 29", InterventionReassigned.class,
                    (e, l) -> e.interventionId().equals(l.interventionId()), "REASSIGNED"),
            starts(DeadlineRule.INTERVENTION_DUE, "Art 29", InterventionReassigned.class,
                    (e, c) -> List.of(new NewLimit(DeadlineRule.INTERVENTION_DUE, c.policy().endOf(e.dueDate()),
                            e.toAgencyCode(), e.interventionId()))),
            // Art 30.1: closing the case (kết thúc) ends every limit still running.
            withdrawnBy(EnumSet.allOf(DeadlineRule.class), "Art 30.1", CaseClosed.class, (e, l) -> true,
                    "CASE_CLOSED"));

    private TimeLimits() {
    }

    /**
     * What the lines that start a limit may read of the case, as it is just after the step was applied.
     */
    public interface CaseFacts {

        /** When this cycle began: the report, or the latest reopening (UTC). */
        Instant cycleStartedAt();

        /** The commune running the case, responsible for every limit but an intervention's. */
        String communeCode();

        /** Whether a limit of {@code rule} is running. */
        boolean hasOpen(DeadlineRule rule);

        /** The approved plan's interventions by id, in the plan's order. */
        Map<String, AssignedIntervention> interventions();

        /** The configured lengths of the limits and the working-day calendar. */
        DeadlinePolicy policy();
    }

    /**
     * An intervention as far as its time limit is concerned.
     *
     * @param agencyCode the agency responsible for it
     * @param dueDate    its last day (Vietnam time)
     */
    public record AssignedIntervention(String agencyCode, LocalDate dueDate) {
    }

    /**
     * A limit a step starts.
     *
     * @param dueAt              when it falls due (UTC)
     * @param responsibleOrgUnit who must meet it
     * @param interventionId     its intervention, for {@link DeadlineRule#INTERVENTION_DUE}; otherwise null
     */
    public record NewLimit(DeadlineRule rule, Instant dueAt, String responsibleOrgUnit, String interventionId) {
    }

    /**
     * A running limit, as the lines that meet or withdraw one see it.
     */
    public record RunningLimit(DeadlineRule rule, String interventionId) {
    }

    /** One line of the table, for {@code article} of Decree 56. */
    public sealed interface Clause permits Starts, Meets, Withdraws {
        String article();

        Class<?> step();
    }

    /** {@code step} starts the limits {@code limits} gives (none when its condition does not hold). */
    public record Starts<E>(DeadlineRule rule, String article, Class<E> step,
                            BiFunction<E, CaseFacts, List<NewLimit>> limits) implements Clause {
    }

    /** {@code step} meets each running limit of {@code rule} that {@code which} selects. */
    public record Meets<E>(DeadlineRule rule, String article, Class<E> step, BiPredicate<E, RunningLimit> which)
            implements Clause {
    }

    /** {@code step} withdraws each running limit of {@code rules} that {@code which} selects, for {@code reason}. */
    public record Withdraws<E>(Set<DeadlineRule> rules, String article, Class<E> step,
                               BiPredicate<E, RunningLimit> which, String reason) implements Clause {
    }

    /**
     * @param step a step's event
     * @return the lines that may withdraw running limits on {@code step}, in table order (empty when none)
     */
    public static List<Withdraws<?>> withdrawals(Object step) {
        return of(Withdraws.class, step);
    }

    /**
     * @param step a step's event
     * @return the lines that may meet running limits on {@code step}, in table order (empty when none)
     */
    public static List<Meets<?>> meetings(Object step) {
        return of(Meets.class, step);
    }

    /**
     * @param step a step's event
     * @return the lines that may start limits on {@code step}, in table order (empty when none)
     */
    public static List<Starts<?>> starts(Object step) {
        return of(Starts.class, step);
    }

    /** Whether {@code clause} withdraws {@code limit} on {@code step}. */
    @SuppressWarnings("unchecked")
    static <E> boolean selects(Withdraws<E> clause, Object step, RunningLimit limit) {
        return clause.rules().contains(limit.rule()) && clause.which().test((E) step, limit);
    }

    /** Whether {@code clause} meets {@code limit} on {@code step}. */
    @SuppressWarnings("unchecked")
    static <E> boolean selects(Meets<E> clause, Object step, RunningLimit limit) {
        return clause.rule() == limit.rule() && clause.which().test((E) step, limit);
    }

    /** The limits {@code clause} starts on {@code step}. */
    @SuppressWarnings("unchecked")
    static <E> List<NewLimit> limits(Starts<E> clause, Object step, CaseFacts facts) {
        return clause.limits().apply((E) step, facts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <C extends Clause> List<C> of(Class<? extends Clause> kind, Object step) {
        Objects.requireNonNull(step, "step");
        List<C> found = new ArrayList<>();
        for (Clause clause : CLAUSES) {
            if (kind.isInstance(clause) && clause.step().isInstance(step)) {
                found.add((C) clause);
            }
        }
        return found;
    }

    private static List<NewLimit> commune(CaseFacts facts, Instant dueAt) {
        return List.of(new NewLimit(null, dueAt, facts.communeCode(), null));
    }

    private static <E> Starts<E> starts(DeadlineRule rule, String article, Class<E> step,
                                        BiFunction<E, CaseFacts, List<NewLimit>> limits) {
        return new Starts<>(rule, article, step, (e, c) -> limits.apply(e, c).stream()
                .map(l -> new NewLimit(rule, l.dueAt(), l.responsibleOrgUnit(), l.interventionId())).toList());
    }

    private static <E> Meets<E> metBy(DeadlineRule rule, String article, Class<E> step,
                                      BiPredicate<E, RunningLimit> which) {
        return new Meets<>(rule, article, step, which);
    }

    private static <E> Withdraws<E> withdrawnBy(DeadlineRule rule, String article, Class<E> step,
                                                BiPredicate<E, RunningLimit> which, String reason) {
        return withdrawnBy(EnumSet.of(rule), article, step, which, reason);
    }

    private static <E> Withdraws<E> withdrawnBy(Set<DeadlineRule> rules, String article, Class<E> step,
                                                BiPredicate<E, RunningLimit> which, String reason) {
        return new Withdraws<>(Set.copyOf(rules), article, step, which, reason);
    }
}
