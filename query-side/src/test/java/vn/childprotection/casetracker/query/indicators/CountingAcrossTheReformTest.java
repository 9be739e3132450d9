package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.query.indicators.CaseFacts.CommuneSpell;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * Counting over the shipped structure of An Lão before and after 1/7/2025 (Nghị quyết 1669/NQ-UBTVQH15), facts
 * given directly: each case counts once, in the commune that ran it when the counted fact happened, and rolls up to
 * Thành phố Hải Phòng (31). Invented cases:
 * <ul>
 *   <li>A: reported 1/3/2025 in Thị trấn An Lão (old), closed 1/4/2025 there.</li>
 *   <li>C: reported 10/5/2025 in Xã Thái Sơn (old, split), carried over on 1/7/2025 to Xã An Khánh after a person
 *       chose, plan approved 1/8/2025 and closed 1/10/2025 there.</li>
 *   <li>D: reported 1/9/2025 in Xã An Lão (new), open.</li>
 *   <li>E: reported 1/3/2026 in Xã An Lão (new), open.</li>
 * </ul>
 */
class CountingAcrossTheReformTest {

    /** The plan year 15/11/2024–14/11/2025, across the reform. */
    private static final ReportingPeriod PLAN_YEAR = period("2024-11-15", "2025-11-14");
    private static final ReportingPeriod FIRST_HALF_2025 = period("2025-01-01", "2025-06-30");
    private static final ReportingPeriod YEAR_2026 = period("2026-01-01", "2026-12-31");
    /** 00:00 of 1/7/2025 in Vietnam: when the law carried the cases over. */
    private static final Instant REFORM = Instant.parse("2025-06-30T17:00:00Z");

    private final OrgUnitRegistry registry = registry();
    private final IndicatorCalculator calculator = new IndicatorCalculator(new AgeBands("0-5,6-10,11-15"), registry);
    private final List<CaseFacts> cases = List.of(
            facts("A", "313-tt-an-lao", "2025-03-01T02:00:00Z", List.of(step(1, StepKind.CLOSED,
                    "2025-04-01T02:00:00Z")), List.of()),
            facts("C", "313-thai-son", "2025-05-10T02:00:00Z", List.of(
                    step(3, StepKind.PLAN_APPROVED, "2025-08-01T02:00:00Z"),
                    step(4, StepKind.CLOSED, "2025-10-01T02:00:00Z")),
                    List.of(new CommuneSpell(2, "31-xa-an-khanh", REFORM))),
            facts("D", "31-xa-an-lao", "2025-09-01T02:00:00Z", List.of(), List.of()),
            facts("E", "31-xa-an-lao", "2026-03-01T02:00:00Z", List.of(), List.of()));

    @Test
    void a_period_spanning_the_reform_counts_each_case_once_where_it_was_reported_and_rolls_up_to_31() {
        IndicatorValue province = count(Measure.REPORTED, "31", PLAN_YEAR);
        assertThat(province.total()).isEqualTo(3);
        assertThat(communeCells(province)).containsEntry("313-tt-an-lao", 1L).containsEntry("313-thai-son", 1L)
                .containsEntry("31-xa-an-lao", 1L).containsEntry("31-xa-an-khanh", 0L);
        assertThat(count(Measure.REPORTED, "313", PLAN_YEAR).total()).as("A and C, in the old district").isEqualTo(2);
        assertThat(count(Measure.REPORTED, "313-tt-an-lao", PLAN_YEAR).total()).isEqualTo(1);
        assertThat(count(Measure.REPORTED, "31-xa-an-lao", PLAN_YEAR).total()).as("D only").isEqualTo(1);
        assertThat(count(Measure.REPORTED, "former-313", PLAN_YEAR).total()).isEqualTo(3);
    }

    @Test
    void a_carried_over_case_counts_what_happened_after_the_reform_in_its_successor() {
        assertThat(count(Measure.SUPPORTED, "31-xa-an-khanh", PLAN_YEAR).total()).as("C's plan, August")
                .isEqualTo(1);
        assertThat(count(Measure.SUPPORTED, "313-thai-son", PLAN_YEAR).total()).isZero();
        assertThat(count(Measure.CLOSED_IN_PERIOD, "31-xa-an-khanh", PLAN_YEAR).total()).isEqualTo(1);
        assertThat(count(Measure.CLOSED_IN_PERIOD, "313", PLAN_YEAR).total()).as("A, closed in April")
                .isEqualTo(1);
        assertThat(count(Measure.CLOSED_IN_PERIOD, "31", PLAN_YEAR).total()).isEqualTo(2);
    }

    @Test
    void a_case_open_at_the_end_of_a_period_counts_in_the_commune_that_ran_it_then() {
        assertThat(count(Measure.OPEN_AT_END, "313-thai-son", FIRST_HALF_2025).total()).as("C on 30/6/2025")
                .isEqualTo(1);
        assertThat(count(Measure.OPEN_AT_END, "31-xa-an-khanh", FIRST_HALF_2025).total()).isZero();
        assertThat(count(Measure.OPEN_AT_END, "31-xa-an-lao", PLAN_YEAR).total()).as("D").isEqualTo(1);
        assertThat(count(Measure.OPEN_AT_END, "313", PLAN_YEAR).total()).isZero();
    }

    @Test
    void a_period_after_the_reform_reports_by_the_new_units_only() {
        assertThat(count(Measure.REPORTED, "31-xa-an-lao", YEAR_2026).total()).as("E").isEqualTo(1);
        assertThat(count(Measure.REPORTED, "31", YEAR_2026).total()).isEqualTo(1);
        assertThat(count(Measure.REPORTED, "313", YEAR_2026).total()).isZero();
        assertThat(count(Measure.REPORTED, "313-tt-an-lao", YEAR_2026).total()).isZero();
    }

    @Test
    void a_new_commune_with_its_predecessors_adds_their_facts_for_trends() {
        assertThat(count(Measure.REPORTED, "31-xa-an-lao", FIRST_HALF_2025).total()).isZero();
        ReportingScope trend = ReportingUnits.scope(registry.current(), "31-xa-an-lao", true);
        assertThat(trend.splitPredecessors()).containsExactlyInAnyOrder("313-thai-son", "313-tt-truong-son");
        assertThat(calculator.count(definition(Measure.REPORTED), FIRST_HALF_2025, cases, trend.communes()).total())
                .as("A in Thị trấn An Lão and C in Thái Sơn, both predecessors").isEqualTo(2);
    }

    private IndicatorValue count(Measure measure, String area, ReportingPeriod period) {
        Set<String> communes = ReportingUnits.scope(registry.current(), area, false).communes();
        return calculator.count(definition(measure), period, cases, communes);
    }

    private static Map<String, Long> communeCells(IndicatorValue value) {
        return value.breakdowns().get(0).cells().stream()
                .collect(Collectors.toMap(IndicatorValue.Cell::key, IndicatorValue.Cell::count));
    }

    private static IndicatorDefinition definition(Measure measure) {
        return new IndicatorDefinition("TEST_" + measure, "TEST", "Thử", "Test", CountingUnit.CASES, measure,
                Set.of(), false, List.of(Dimension.COMMUNE));
    }

    private static CaseFacts facts(String name, String commune, String reportedAt, List<CaseStep> steps,
                                   List<CommuneSpell> later) {
        Instant reported = Instant.parse(reportedAt);
        List<CommuneSpell> spells = new ArrayList<>(List.of(new CommuneSpell(0, commune, reported)));
        spells.addAll(later);
        return new CaseFacts("case-" + name, "child-" + name, commune, CaseCategory.ABUSED, "HOTLINE_111", "FEMALE",
                9, null, Set.of(), Set.of(), reported, steps, spells);
    }

    private static CaseStep step(long sequenceNumber, StepKind kind, String occurredAt) {
        return new CaseStep(sequenceNumber, kind, Instant.parse(occurredAt), null, null, null);
    }

    private static ReportingPeriod period(String from, String to) {
        return new ReportingPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static OrgUnitRegistry registry() {
        try {
            return new OrgUnitRegistry(new ClassPathResource("orgunits/org-units.json"),
                    JsonMapper.builder().build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
