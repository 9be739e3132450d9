package vn.childprotection.casetracker.query.tally;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Random life stories of cases, each a plausible sequence of the events the deadlines and risk register projections
 * count: reported, assessed, reviewed (re-planned), closed and reopened, deadlines scheduled, missed, met in time or
 * late, withdrawn, a miss taken back by a step entered late but dated before the limit, and the case moved to another
 * commune (transfer or carry-over). What each step is comes from the random source only.
 */
final class CaseScenarios {

    /** One event of a case, with who records it: {@code systemOrgUnit} non-null for the service's own. */
    record Step(CaseEvent event, Instant recordedAt, String systemOrgUnit) {
    }

    private enum Deadline { OPEN, MISSED, DONE }

    private record Limit(String id, DeadlineRule rule, Instant dueAt, String responsible, String interventionId) {
    }

    private final Random random;
    private final List<String> communes;
    private final List<String> agencies;
    private final Function<String, EncryptedText> seal;

    CaseScenarios(Random random, List<String> communes, List<String> agencies, Function<String, EncryptedText> seal) {
        this.random = random;
        this.communes = communes;
        this.agencies = agencies;
        this.seal = seal;
    }

    /**
     * The steps after the report of one case, {@code length} of them at most, one an hour from {@code t0}.
     *
     * @param commune the commune the case was reported in
     */
    List<Step> after(String caseId, String commune, Instant t0, int length) {
        List<Step> steps = new ArrayList<>();
        Map<Limit, Deadline> limits = new LinkedHashMap<>();
        String runBy = commune;
        boolean open = true;
        Instant t = t0;
        for (int i = 0; i < length; i++) {
            t = t.plus(Duration.ofHours(1));
            Instant now = t;
            switch (random.nextInt(10)) {
                case 0 -> steps.add(new Step(new InitialAssessmentRecorded(caseId, t, level(), false,
                        seal.apply("Đánh giá ban đầu")), t, null));
                case 1 -> steps.add(random.nextBoolean()
                        ? new Step(new DetailedAssessmentRecorded(caseId, t, level(), seal.apply("Đánh giá chi tiết")),
                                t, null)
                        : new Step(new CaseReviewed(caseId, t, level(), random.nextBoolean() ? ReviewOutcome.REPLAN
                                : ReviewOutcome.CONTINUE, seal.apply("Rà soát")), t, null));
                case 2, 3 -> {
                    DeadlineRule rule = List.of(DeadlineRule.CASE_REVIEW, DeadlineRule.PLAN_DRAFTING,
                            DeadlineRule.INTERVENTION_DUE).get(random.nextInt(3));
                    boolean intervention = rule == DeadlineRule.INTERVENTION_DUE;
                    Limit limit = new Limit(rule.name() + "-" + i, rule, t.plus(Duration.ofHours(2)),
                            intervention ? pick(agencies) : runBy, intervention ? "i-" + i : null);
                    limits.put(limit, Deadline.OPEN);
                    steps.add(new Step(new DeadlineScheduled(caseId, t, limit.id(), rule, limit.dueAt(),
                            limit.responsible(), limit.interventionId(), "schedule-" + caseId + "-" + i), t, null));
                }
                case 4, 5 -> pending(limits, Deadline.OPEN).ifPresent(limit -> {
                    limits.put(limit, Deadline.MISSED);
                    steps.add(new Step(new DeadlineMissed(caseId, limit.dueAt(), limit.id(), limit.rule(),
                            limit.dueAt(), limit.responsible(), limit.interventionId()), max(now, limit.dueAt()),
                            limit.responsible()));
                });
                case 6 -> pending(limits, null).ifPresent(limit -> {
                    boolean late = limits.get(limit) == Deadline.MISSED;
                    Instant at = late ? max(now, limit.dueAt().plusSeconds(60)) : now;
                    limits.put(limit, Deadline.DONE);
                    if (random.nextInt(3) == 0) {
                        steps.add(new Step(new DeadlineWithdrawn(caseId, at, limit.id(), limit.rule(),
                                limit.interventionId(), "CASE_CLOSED"), at, null));
                    } else {
                        steps.add(new Step(new DeadlineFulfilled(caseId, at, limit.id(), limit.rule(),
                                limit.interventionId(), !at.isBefore(limit.dueAt()), limit.dueAt(), late), at, null));
                    }
                });
                case 7 -> pending(limits, Deadline.MISSED).ifPresent(limit -> {
                    // Entered late: the step that met the limit is dated before it was due, so the miss is taken back.
                    Instant recorded = max(now, limit.dueAt().plusSeconds(60));
                    Instant dated = limit.dueAt().minusSeconds(600);
                    limits.put(limit, Deadline.DONE);
                    steps.add(new Step(new DeadlineMissCorrected(caseId, dated, limit.id(), limit.rule(),
                            limit.interventionId(), limit.dueAt()), recorded, null));
                    steps.add(new Step(new DeadlineFulfilled(caseId, dated, limit.id(), limit.rule(),
                            limit.interventionId(), false, limit.dueAt(), true), recorded, null));
                });
                case 8 -> {
                    String to = other(runBy);
                    steps.add(random.nextBoolean()
                            ? new Step(new CaseTransferred(caseId, t, runBy, to, seal.apply("Gia đình chuyển nhà")),
                                    t, null)
                            : new Step(new CaseCarriedOver(caseId, t, runBy, to, "Nghị quyết 1669/NQ-UBTVQH15",
                                    false), t, null));
                    runBy = to;
                }
                default -> {
                    steps.add(open ? new Step(new CaseClosed(caseId, t, "NO_FURTHER_RISK", null), t, null)
                            : new Step(new CaseReopened(caseId, t, seal.apply("Tái diễn")), t, null));
                    open = !open;
                }
            }
            if (!steps.isEmpty()) {
                t = max(t, last(steps));
            }
        }
        return steps;
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String other(String commune) {
        List<String> others = communes.stream().filter(c -> !c.equals(commune)).toList();
        return others.get(random.nextInt(others.size()));
    }

    private RiskLevel level() {
        return RiskLevel.values()[random.nextInt(RiskLevel.values().length)];
    }

    private Optional<Limit> pending(Map<Limit, Deadline> limits, Deadline state) {
        List<Limit> candidates = limits.entrySet().stream()
                .filter(e -> state == null ? e.getValue() != Deadline.DONE : e.getValue() == state)
                .map(Map.Entry::getKey).toList();
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private static Instant last(List<Step> steps) {
        return steps.get(steps.size() - 1).recordedAt();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
