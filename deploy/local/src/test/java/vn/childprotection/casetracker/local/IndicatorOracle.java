package vn.childprotection.casetracker.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.childprotection.casetracker.generator.GeneratedCase;
import vn.childprotection.casetracker.generator.Step;
import vn.childprotection.casetracker.generator.StepRecord;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * What the indicators must show, worked out from the generator's own record of what it created, not from the events
 * or the projection: the independent oracle of the indicator and report tests. It reads the measures as the
 * definition file states them: reported in the period; followed = initially assessed by the period's end; supported
 * = emergency measures or plan approval within the period; helped in time = the generator's own choice of timing,
 * reached by the period's end; open at the end; closed within the period. Every generated case has its own child.
 */
final class IndicatorOracle {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<GeneratedCase> cases;
    private final Instant start;
    private final Instant end;

    /**
     * @param cases the generated cases counted: those recorded by the as-of instant, in the org unit's communes
     */
    IndicatorOracle(Collection<GeneratedCase> cases, LocalDate from, LocalDate to) {
        this.cases = List.copyOf(cases);
        this.start = from.atStartOfDay(VIETNAM).toInstant();
        this.end = to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /** The expected total of an indicator of the shipped definition file. */
    long total(String code) {
        return counted(code).size();
    }

    /** The expected cells of a breakdown, zeros left out. */
    Map<String, Long> cells(String code, String dimension) {
        Map<String, Long> cells = new TreeMap<>();
        for (GeneratedCase c : counted(code)) {
            for (String key : keys(c, dimension)) {
                cells.merge(key, 1L, Long::sum);
            }
        }
        return cells;
    }

    List<GeneratedCase> counted(String code) {
        Predicate<GeneratedCase> rule = switch (code) {
            case "CASES_REPORTED", "CASES_BY_CHANNEL" -> this::reported;
            case "0101" -> c -> c.category() == CaseCategory.ABUSED && reported(c);
            case "AT_RISK_DETECTED" -> c -> c.category() == CaseCategory.AT_RISK && reported(c);
            case "AT_RISK_FOLLOWED" -> c -> c.category() == CaseCategory.AT_RISK && reported(c)
                    && stepBeforeEnd(c, Step.INITIAL_ASSESSMENT);
            case "SPECIAL_CIRCUMSTANCES" -> c -> !c.specialCircumstanceGroups().isEmpty() && reported(c);
            case "CHILDREN_SUPPORTED" -> c -> c.steps().stream().anyMatch(s -> (s.step() == Step.EMERGENCY_MEASURES
                    || s.step() == Step.PLAN_APPROVED) && within(s.occurredAt()));
            case "ABUSED_HELPED_IN_TIME" -> c -> c.category() == CaseCategory.ABUSED && reported(c)
                    && Boolean.TRUE.equals(c.helpedInTime())
                    && stepBeforeEnd(c, c.emergency() ? Step.EMERGENCY_MEASURES : Step.PLAN_APPROVED);
            case "OPEN_CASES" -> c -> c.reportedAt().isBefore(end) && !stepBeforeEnd(c, Step.CLOSED);
            case "CLOSED_CASES" -> c -> c.steps().stream().anyMatch(s -> s.step() == Step.CLOSED
                    && within(s.occurredAt()));
            default -> throw new IllegalArgumentException("no oracle for " + code);
        };
        return cases.stream().filter(rule).toList();
    }

    private static Collection<String> keys(GeneratedCase c, String dimension) {
        Function<GeneratedCase, Collection<String>> keys = switch (dimension) {
            case "sex" -> g -> Set.of(g.sex().name());
            case "ageGroup" -> g -> Set.of(g.ageYears() <= 5 ? "0-5" : g.ageYears() <= 10 ? "6-10" : "11-15");
            case "abuseForm" -> g -> g.abuseForms().isEmpty() ? Set.of("NONE")
                    : g.abuseForms().stream().map(Enum::name).toList();
            case "setting" -> g -> Set.of(g.setting() == null ? "NOT_RECORDED" : g.setting().name());
            case "specialCircumstanceGroup" -> g -> g.specialCircumstanceGroups().isEmpty() ? Set.of("NONE")
                    : g.specialCircumstanceGroups().stream().map(Enum::name).toList();
            case "channel" -> g -> Set.of(g.channel().name());
            case "category" -> g -> Set.of(g.category().name());
            case "commune" -> g -> Set.of(g.communeCode());
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
        return keys.apply(c);
    }

    private boolean reported(GeneratedCase c) {
        return within(c.reportedAt());
    }

    private boolean within(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private boolean stepBeforeEnd(GeneratedCase c, Step step) {
        return c.steps().stream().filter(s -> s.step() == step).map(StepRecord::occurredAt)
                .anyMatch(at -> at.isBefore(end));
    }
}
