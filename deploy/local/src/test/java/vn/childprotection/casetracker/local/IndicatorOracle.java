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
import java.util.stream.Collectors;
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
 * <p>
 * Each fact counts in the commune of the case when it happened ({@link GeneratedCase#communeOn}): a report, and
 * what follows from it (followed, helped in time), where it was reported; support given, a closing and being open at
 * the period's end where the case was run at that time — before 1/7/2025 in the old commune, from then on in its
 * successor once it has one (a split commune's case without a choice stays in the old one).
 */
final class IndicatorOracle {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<GeneratedCase> cases;
    private final Predicate<String> inArea;
    private final Instant start;
    private final Instant end;

    /**
     * @param cases  the generated cases recorded by the as-of instant
     * @param inArea whether a commune belongs to the org unit or reporting group asked for
     */
    IndicatorOracle(Collection<GeneratedCase> cases, Predicate<String> inArea, LocalDate from, LocalDate to) {
        this.cases = List.copyOf(cases);
        this.inArea = inArea;
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
            for (String key : keys(c, dimension, factCommune(code, c))) {
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
                    || s.step() == Step.PLAN_APPROVED) && within(s.occurredAt())
                    && inArea.test(c.communeOn(s.occurredAt())));
            case "ABUSED_HELPED_IN_TIME" -> c -> c.category() == CaseCategory.ABUSED && reported(c)
                    && Boolean.TRUE.equals(c.helpedInTime())
                    && stepBeforeEnd(c, c.emergency() ? Step.EMERGENCY_MEASURES : Step.PLAN_APPROVED);
            case "OPEN_CASES" -> c -> c.reportedAt().isBefore(end) && !stepBeforeEnd(c, Step.CLOSED)
                    && inArea.test(c.communeOn(lastInstant()));
            case "CLOSED_CASES" -> c -> c.steps().stream().anyMatch(s -> s.step() == Step.CLOSED
                    && within(s.occurredAt()) && inArea.test(c.communeOn(s.occurredAt())));
            default -> throw new IllegalArgumentException("no oracle for " + code);
        };
        return cases.stream().filter(rule).toList();
    }

    /** @return the commune a case's fact counted by {@code code} belongs to, for the breakdown by commune */
    private String factCommune(String code, GeneratedCase c) {
        return code.equals("OPEN_CASES") ? c.communeOn(lastInstant()) : c.communeOn(c.reportedAt());
    }

    /** @return the last instant of the period, when "open at the end" is decided */
    private Instant lastInstant() {
        return end.minusNanos(1);
    }

    /** @return the communes whose cases the oracle counted for {@code code}, with how many */
    Map<String, Long> communes(String code) {
        return counted(code).stream().collect(Collectors.groupingBy(c -> factCommune(code, c), TreeMap::new,
                Collectors.counting()));
    }

    private static Collection<String> keys(GeneratedCase c, String dimension, String commune) {
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
            case "commune" -> g -> Set.of(commune);
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
        return keys.apply(c);
    }

    private boolean reported(GeneratedCase c) {
        return within(c.reportedAt()) && inArea.test(c.communeOn(c.reportedAt()));
    }

    private boolean within(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private boolean stepBeforeEnd(GeneratedCase c, Step step) {
        return c.steps().stream().filter(s -> s.step() == step).map(StepRecord::occurredAt)
                .anyMatch(at -> at.isBefore(end));
    }
}
