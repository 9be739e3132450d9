package vn.childprotection.casetracker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.Sex;

class CasePlannerTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final List<String> OLD_COMMUNES = List.of("313-tt-an-lao", "313-tt-truong-son", "313-an-thai",
            "313-an-thang", "313-an-tho", "313-an-tien", "313-bat-trang", "313-chien-thang", "313-my-duc",
            "313-quang-hung", "313-quang-trung", "313-quoc-tuan", "313-tan-dan", "313-tan-vien", "313-thai-son",
            "313-truong-thanh", "313-truong-tho");
    private static final List<String> NEW_COMMUNES = List.of("31-xa-an-lao", "31-xa-an-truong", "31-xa-an-quang",
            "31-xa-an-khanh", "31-xa-an-hung", "31-phuong-phu-lien");
    /** 00:00 of 1/7/2025 in Vietnam: the first instant of the new communes (Nghị quyết 1669/NQ-UBTVQH15). */
    private static final Instant REFORM = Instant.parse("2025-06-30T17:00:00Z");

    private static List<PlannedCase> plan(long seed, int count, Instant now) {
        return new CasePlanner(seed, FROM, TO, now).planAll(count);
    }

    @Test
    void the_same_seed_gives_the_same_plan_and_another_seed_another() {
        List<PlannedCase> first = plan(42, 500, NOW);
        List<PlannedCase> second = plan(42, 500, NOW);
        assertThat(second).isEqualTo(first);
        assertThat(plan(42, 500, NOW.plus(Duration.ofDays(3)))).as("a range wholly in the past does not depend on "
                + "when the run starts").isEqualTo(first);
        assertThat(plan(42, 800, NOW).subList(0, 500)).as("a larger run starts with the same cases")
                .isEqualTo(first);
        List<PlannedCase> other = plan(43, 500, NOW);
        assertThat(other).isNotEqualTo(first);
        assertThat(other.stream().map(PlannedCase::reportedAt).toList())
                .isNotEqualTo(first.stream().map(PlannedCase::reportedAt).toList());
    }

    @Test
    void every_step_comes_after_the_previous_one_and_none_in_the_future() {
        // A run started in the middle of the range: recent cases are cut where their next step would be future.
        Instant now = Instant.parse("2025-06-15T03:00:00Z");
        for (Instant planningInstant : List.of(NOW, now)) {
            for (PlannedCase planned : plan(7, 3000, planningInstant)) {
                assertThat(planned.steps().get(0).step()).isEqualTo(Step.REPORTED);
                Instant reported = planned.reportedAt();
                assertThat(reported).isAfterOrEqualTo(FROM.atStartOfDay(VIETNAM).toInstant())
                        .isBefore(TO.plusDays(1).atStartOfDay(VIETNAM).toInstant())
                        .isBefore(planningInstant);
                Instant previous = null;
                for (PlannedStep step : planned.steps()) {
                    if (previous != null) {
                        assertThat(step.occurredAt()).as("%s of case %d", step.step(), planned.index())
                                .isAfter(previous);
                    }
                    assertThat(step.occurredAt()).isBeforeOrEqualTo(planningInstant);
                    if (step.step() == Step.SUCCESSOR_COMMUNE_CHOSEN) {
                        assertThat(step.body()).as("the choice is recorded when made").containsOnlyKeys("communeCode");
                    } else {
                        assertThat(step.body().get("occurredAt")).isEqualTo(step.occurredAt().toString());
                    }
                    previous = step.occurredAt();
                }
            }
        }
    }

    @Test
    void steps_follow_the_procedure_order_and_are_sent_by_the_right_user() {
        Map<Step, Integer> seen = new EnumMap<>(Step.class);
        for (PlannedCase planned : plan(11, 3000, NOW)) {
            Set<Step> done = new HashSet<>();
            Map<String, String> agencyOf = new HashMap<>();
            Set<String> accepted = new HashSet<>();
            boolean closureProposed = false;
            for (PlannedStep step : planned.steps()) {
                seen.merge(step.step(), 1, Integer::sum);
                assertThat(done).as("nothing after closing").doesNotContain(Step.CLOSED);
                Map<String, Object> body = step.body();
                boolean reformed = !step.occurredAt().isBefore(REFORM);
                String running = reformed && planned.communeCode().startsWith("313-") ? planned.successor()
                        : planned.communeCode();
                String worker = "worker." + running;
                String chair = "chair." + running;
                if (reformed && step.step() != Step.SUCCESSOR_COMMUNE_CHOSEN
                        && (planned.communeCode().equals("313-thai-son")
                        || planned.communeCode().equals("313-tt-truong-son"))) {
                    assertThat(done).as("a split commune's case goes on once its new commune was chosen")
                            .contains(Step.SUCCESSOR_COMMUNE_CHOSEN);
                }
                switch (step.step()) {
                    case REPORTED -> {
                        assertThat(done).isEmpty();
                        assertThat(step.path()).isEqualTo("/api/v1/cases");
                        assertThat(body.get("communeCode")).isEqualTo(planned.communeCode());
                        assertThat(planned.communeCode()).as("a unit valid on the report's day")
                                .isIn(reformed ? NEW_COMMUNES : OLD_COMMUNES);
                    }
                    case SUCCESSOR_COMMUNE_CHOSEN -> {
                        assertThat(planned.communeCode()).isIn("313-thai-son", "313-tt-truong-son");
                        assertThat(done).doesNotContain(Step.SUCCESSOR_COMMUNE_CHOSEN);
                        assertThat(step.occurredAt()).isAfterOrEqualTo(REFORM.minusSeconds(1));
                        assertThat(step.user()).isEqualTo("coordinator.haiphong");
                        assertThat(step.path()).isEqualTo("/api/v1/cases/{caseId}/successor-commune");
                        assertThat(body.get("communeCode")).isEqualTo(planned.successor()).isIn(
                                planned.communeCode().equals("313-thai-son")
                                        ? List.of("31-xa-an-khanh", "31-xa-an-lao") : List.of("31-xa-an-lao"));
                    }
                    case INITIAL_ASSESSMENT -> {
                        assertThat(done).containsExactly(Step.REPORTED);
                        assertThat(step.user()).isEqualTo(worker);
                        assertThat(body.get("emergency")).isEqualTo(planned.emergency());
                    }
                    case EMERGENCY_MEASURES -> {
                        assertThat(planned.emergency()).isTrue();
                        assertThat(done).containsExactlyInAnyOrder(Step.REPORTED, Step.INITIAL_ASSESSMENT);
                        boolean removal = body.containsKey("temporaryRemoval");
                        assertThat(step.user()).isEqualTo(removal ? chair : worker);
                        assertThat((List<?>) body.get("measures")).isNotEmpty();
                        assertThat(((List<?>) body.get("measures")).contains("TEMPORARY_REMOVAL")).isEqualTo(removal);
                        if (removal) {
                            @SuppressWarnings("unchecked")
                            Map<String, String> dates = (Map<String, String>) body.get("temporaryRemoval");
                            assertThat(Period.between(LocalDate.parse(dates.get("startDate")),
                                    LocalDate.parse(dates.get("endDate"))).getDays()).isBetween(0, 15);
                        }
                    }
                    case DETAILED_ASSESSMENT -> {
                        assertThat(done).contains(Step.INITIAL_ASSESSMENT).doesNotContain(Step.DETAILED_ASSESSMENT);
                        assertThat(step.user()).isEqualTo(worker);
                    }
                    case PLAN_DRAFTED -> {
                        assertThat(done).contains(Step.DETAILED_ASSESSMENT).doesNotContain(Step.PLAN_DRAFTED);
                        assertThat(step.user()).isEqualTo(worker);
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> interventions = (List<Map<String, Object>>) body.get(
                                "interventions");
                        assertThat(interventions).hasSizeBetween(1, 2);
                        interventions.forEach(i -> agencyOf.put((String) i.get("interventionId"),
                                (String) i.get("agencyCode")));
                        LocalDate day = step.occurredAt().atZone(VIETNAM).toLocalDate();
                        interventions.forEach(i -> assertThat(validOn((String) i.get("agencyCode"), day))
                                .as("%s on %s", i.get("agencyCode"), day).isTrue());
                    }
                    case PLAN_APPROVED -> {
                        assertThat(done).contains(Step.PLAN_DRAFTED).doesNotContain(Step.PLAN_APPROVED);
                        assertThat(step.user()).isEqualTo(chair);
                        assertThat(body.get("planVersion")).isEqualTo(1);
                    }
                    case INTERVENTION_ACCEPTED, INTERVENTION_COMPLETED -> {
                        assertThat(done).contains(Step.PLAN_APPROVED);
                        String id = step.path().replaceAll(".*/interventions/([^/]+)/status", "$1");
                        String agency = agencyOf.get(id);
                        assertThat(agency).as("intervention %s is in the plan", id).isNotNull();
                        String expectedUser = switch (agency) {
                            case "313-police" -> "police";
                            case "313-health-centre" -> "health";
                            case "31-xa-an-lao-police" -> "police.xaanlao";
                            case "31-xa-an-lao-health-station" -> "health.xaanlao";
                            default -> "worker." + agency;
                        };
                        assertThat(step.user()).isEqualTo(expectedUser);
                        assertThat(agency).as("a commune runs it, or an agency with a demo user")
                                .isIn(OLD_COMMUNES.contains(agency) || NEW_COMMUNES.contains(agency) ? agency
                                        : "", "313-police", "313-health-centre", "31-xa-an-lao-police",
                                        "31-xa-an-lao-health-station");
                        assertThat(validOn(agency, step.occurredAt().atZone(VIETNAM).toLocalDate()))
                                .as("%s answers while it exists", agency).isTrue();
                        if (step.step() == Step.INTERVENTION_ACCEPTED) {
                            assertThat(accepted.add(id)).as("accepted once").isTrue();
                            assertThat(body.get("status")).isEqualTo("ACCEPTED");
                        } else {
                            assertThat(accepted).as("completed after it was accepted").contains(id);
                            assertThat(body.get("status")).isEqualTo("COMPLETED");
                        }
                    }
                    case REVIEWED -> {
                        assertThat(done).contains(Step.PLAN_APPROVED).doesNotContain(Step.REVIEWED);
                        assertThat(step.user()).isEqualTo(worker);
                        closureProposed = "PROPOSE_CLOSURE".equals(body.get("outcome"));
                    }
                    case CLOSED -> {
                        assertThat(step.user()).isEqualTo(chair);
                        if ("NO_FURTHER_RISK".equals(body.get("reasonCode"))) {
                            assertThat(closureProposed).as("closing for no further risk needs a proposal").isTrue();
                        } else {
                            assertThat(body.get("reasonCode")).isEqualTo("REPORT_UNFOUNDED");
                            assertThat(planned.category()).isNotEqualTo(CaseCategory.ABUSED);
                        }
                    }
                }
                done.add(step.step());
            }
        }
        assertThat(seen).as("every kind of step occurs").containsOnlyKeys(Step.values());
    }

    /** Validity of the units the generator may name, as org-units.json states it. */
    private static boolean validOn(String unit, LocalDate day) {
        LocalDate first = unit.startsWith("313") ? LocalDate.MIN : switch (unit) {
            case "31-police" -> LocalDate.of(2025, 3, 1);
            case "31-health-department" -> LocalDate.of(2025, 6, 16);
            default -> LocalDate.of(2025, 7, 1);
        };
        LocalDate last = unit.equals("313-police") ? LocalDate.of(2025, 2, 28)
                : unit.startsWith("313") ? LocalDate.of(2025, 6, 30) : LocalDate.MAX;
        return !day.isBefore(first) && !day.isAfter(last);
    }

    @Test
    void cases_open_on_1_july_2025_go_on_in_their_new_commune_and_a_split_communes_wait_for_a_choice() {
        List<PlannedCase> cases = plan(11, 3000, NOW);
        List<PlannedCase> crossing = cases.stream().filter(c -> c.communeCode().startsWith("313-")
                && c.steps().stream().anyMatch(s -> !s.occurredAt().isBefore(REFORM))).toList();
        assertThat(crossing).as("cases with steps on both sides of the reform").hasSizeGreaterThan(10)
                .anyMatch(c -> c.communeCode().equals("313-thai-son"))
                .anyMatch(c -> c.communeCode().equals("313-bat-trang") || c.communeCode().equals("313-tt-an-lao"));
        for (PlannedCase c : crossing) {
            Map<String, String> expected = Map.ofEntries(Map.entry("313-tt-an-lao", "31-xa-an-lao"),
                    Map.entry("313-an-tien", "31-xa-an-lao"), Map.entry("313-an-thang", "31-xa-an-lao"),
                    Map.entry("313-tan-dan", "31-xa-an-lao"), Map.entry("313-tt-truong-son", "31-xa-an-lao"),
                    Map.entry("313-bat-trang", "31-xa-an-truong"), Map.entry("313-truong-tho", "31-xa-an-truong"),
                    Map.entry("313-truong-thanh", "31-xa-an-truong"), Map.entry("313-quang-hung", "31-xa-an-quang"),
                    Map.entry("313-quang-trung", "31-xa-an-quang"), Map.entry("313-quoc-tuan", "31-xa-an-quang"),
                    Map.entry("313-tan-vien", "31-xa-an-khanh"), Map.entry("313-my-duc", "31-xa-an-khanh"),
                    Map.entry("313-chien-thang", "31-xa-an-hung"), Map.entry("313-an-tho", "31-xa-an-hung"),
                    Map.entry("313-an-thai", "31-xa-an-hung"));
            if (!c.communeCode().equals("313-thai-son")) {
                assertThat(c.successor()).as(c.communeCode()).isEqualTo(expected.get(c.communeCode()));
            }
            List<StepRecord> done = c.steps().stream()
                    .map(s -> new StepRecord(s.step(), s.occurredAt(), s.occurredAt())).toList();
            GeneratedCase record = c.toRecord("case-" + c.index(), done);
            assertThat(record.successorCommune()).isEqualTo(c.successor());
            assertThat(record.carriedOverByAStep()).isTrue();
            assertThat(record.communeOn(REFORM.minusSeconds(1))).isEqualTo(c.communeCode());
            assertThat(record.communeOn(REFORM)).isEqualTo(c.successor());
            c.steps().stream().filter(s -> !s.occurredAt().isBefore(REFORM)
                            && s.step() != Step.SUCCESSOR_COMMUNE_CHOSEN)
                    .forEach(s -> assertThat(s.user()).as("sent by the new commune's users or its agencies")
                            .doesNotContain("313").isNotIn("police", "health"));
        }
        assertThat(cases.stream().filter(c -> c.communeCode().equals("313-thai-son")).map(PlannedCase::successor))
                .as("Thái Sơn's cases go to either commune that took its people")
                .contains("31-xa-an-khanh", "31-xa-an-lao");

        PlannedCase waiting = cases.stream().filter(c -> c.communeCode().equals("313-thai-son")
                && c.steps().stream().noneMatch(s -> s.step() == Step.CLOSED) && c.reportedAt().isBefore(REFORM)
                && c.steps().get(c.steps().size() - 1).occurredAt().isBefore(REFORM)).findFirst().orElseThrow();
        GeneratedCase unchosen = waiting.toRecord("waiting", waiting.steps().stream()
                .map(s -> new StepRecord(s.step(), s.occurredAt(), s.occurredAt())).toList());
        assertThat(unchosen.successorCommune()).as("no step after the reform: nobody chose yet").isNull();
        assertThat(unchosen.communeOn(NOW)).isEqualTo("313-thai-son");

        PlannedCase merged = cases.stream().filter(c -> c.communeCode().equals("313-an-thai")
                && c.steps().stream().noneMatch(s -> s.step() == Step.CLOSED) && c.reportedAt().isBefore(REFORM)
                && c.steps().get(c.steps().size() - 1).occurredAt().isBefore(REFORM)).findFirst().orElseThrow();
        GeneratedCase open = merged.toRecord("open", merged.steps().stream()
                .map(s -> new StepRecord(s.step(), s.occurredAt(), s.occurredAt())).toList());
        assertThat(open.successorCommune()).as("the service moves it by itself").isEqualTo("31-xa-an-hung");
        assertThat(open.carriedOverByAStep()).isFalse();
    }

    @Test
    void without_across_reform_no_step_of_an_old_communes_case_falls_on_or_after_1_july_2025() {
        List<PlannedCase> cases = new CasePlanner(11, FROM, TO, NOW, 100, false).planAll(3000);
        assertThat(cases).allSatisfy(c -> {
            if (c.communeCode().startsWith("313-")) {
                assertThat(c.steps()).allSatisfy(s -> assertThat(s.occurredAt()).isBefore(REFORM));
            }
        });
        assertThat(cases.stream().map(PlannedCase::reportedAt).toList()).as("the same cases, only cut")
                .isEqualTo(plan(11, 3000, NOW).stream().map(PlannedCase::reportedAt).toList());
    }

    @Test
    void cases_are_spread_plausibly_over_communes_categories_and_the_childs_fields() {
        List<PlannedCase> cases = plan(42, 2000, NOW);
        assertThat(cases.stream().map(PlannedCase::communeCode).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(OLD_COMMUNES.stream(),
                        NEW_COMMUNES.stream()).toList());
        assertThat(cases).allSatisfy(c -> assertThat(c.communeCode())
                .isIn(c.reportedAt().isBefore(REFORM) ? OLD_COMMUNES : NEW_COMMUNES));
        Map<CaseCategory, Long> categories = count(cases, PlannedCase::category);
        assertThat(categories.get(CaseCategory.ABUSED)).isBetween(700L, 900L);
        assertThat(categories.get(CaseCategory.AT_RISK)).isBetween(700L, 900L);
        assertThat(categories.get(CaseCategory.SPECIAL_CIRCUMSTANCES)).isBetween(320L, 480L);
        assertThat(count(cases, PlannedCase::sex).get(Sex.UNKNOWN)).isBetween(20L, 160L);
        assertThat(cases.stream().map(PlannedCase::ageYears).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(0, 15).boxed().toList());
        assertThat(count(cases, PlannedCase::channel)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(count(cases, c -> c.reportedAt().atZone(VIETNAM).getYear()))
                .containsOnlyKeys(2023, 2024, 2025, 2026).allSatisfy((year, n) -> assertThat(n).isGreaterThan(300));
        assertThat(cases.stream().filter(c -> "Kinh".equals(c.ethnicity())).count()).isGreaterThan(1700);
        assertThat(cases.stream().filter(c -> c.ethnicity() == null).count()).isPositive();

        for (PlannedCase c : cases) {
            if (c.category() == CaseCategory.ABUSED) {
                assertThat(c.abuseForms()).hasSizeBetween(1, 2).doesNotHaveDuplicates();
            } else {
                assertThat(c.abuseForms()).isEmpty();
                assertThat(c.emergency()).isFalse();
            }
            assertThat(c.specialCircumstanceGroups()).hasSizeLessThanOrEqualTo(2);
            if (c.category() == CaseCategory.SPECIAL_CIRCUMSTANCES) {
                assertThat(c.specialCircumstanceGroups()).isNotEmpty();
            }
            if (c.birthDate() != null) {
                assertThat(Period.between(c.birthDate(), c.reportedAt().atZone(VIETNAM).toLocalDate()).getYears())
                        .as("the service derives the planned age from the birth date").isEqualTo(c.ageYears());
            }
        }
        List<PlannedCase> abused = cases.stream().filter(c -> c.category() == CaseCategory.ABUSED).toList();
        assertThat(abused.stream().filter(c -> c.setting() == null).count()).as("setting sometimes absent")
                .isBetween(40L, 250L);
        assertThat(abused.stream().filter(c -> c.abuseForms().size() == 2).count()).isBetween(100L, 300L);
        assertThat(count(abused, c -> c.abuseForms().get(0))).containsKey(AbuseForm.SEXUAL_ABUSE);
        assertThat(cases.stream().filter(c -> c.specialCircumstanceGroups().isEmpty()).count()).isGreaterThan(800);
        assertThat(cases.stream().filter(c -> c.specialCircumstanceGroups().size() == 2).count()).isPositive();
        assertThat(abused.stream().filter(PlannedCase::emergency).count()).isBetween(150L, 400L);
        assertThat(cases.stream().filter(c -> c.steps().size() == 1).count()).as("some cases only reported")
                .isPositive();
    }

    @Test
    void helped_in_time_is_decided_with_wide_margins() {
        List<PlannedCase> cases = plan(5, 3000, NOW);
        Map<String, Integer> kinds = new HashMap<>();
        for (PlannedCase c : cases) {
            if (c.category() != CaseCategory.ABUSED) {
                assertThat(c.helpedInTime()).isNull();
                continue;
            }
            if (c.helpedInTime() == null) {
                kinds.merge("not helped", 1, Integer::sum);
                continue;
            }
            if (c.emergency()) {
                Duration measuresAfterReport = Duration.between(c.reportedAt(), at(c, Step.EMERGENCY_MEASURES));
                if (c.helpedInTime()) {
                    assertThat(measuresAfterReport).isLessThanOrEqualTo(Duration.ofHours(3));
                } else {
                    assertThat(measuresAfterReport).isGreaterThanOrEqualTo(Duration.ofHours(30));
                }
                kinds.merge("emergency " + c.helpedInTime(), 1, Integer::sum);
            } else {
                Duration draftAfterAssessment = Duration.between(at(c, Step.DETAILED_ASSESSMENT),
                        at(c, Step.PLAN_DRAFTED));
                Duration approvalAfterDraft = Duration.between(at(c, Step.PLAN_DRAFTED), at(c, Step.PLAN_APPROVED));
                if (c.helpedInTime()) {
                    assertThat(draftAfterAssessment).isLessThanOrEqualTo(Duration.ofDays(1));
                    assertThat(approvalAfterDraft).isLessThanOrEqualTo(Duration.ofHours(1));
                } else {
                    assertThat(draftAfterAssessment).isGreaterThanOrEqualTo(Duration.ofDays(20));
                }
                kinds.merge("plan " + c.helpedInTime(), 1, Integer::sum);
            }
        }
        assertThat(kinds).containsOnlyKeys("not helped", "emergency true", "emergency false", "plan true",
                "plan false").allSatisfy((kind, n) -> assertThat(n).as(kind).isGreaterThan(30));
        for (PlannedCase c : cases) {
            boolean decidingStepTaken = c.steps().stream().anyMatch(s -> s.step() == (c.emergency()
                    ? Step.EMERGENCY_MEASURES : Step.PLAN_APPROVED));
            if (c.category() == CaseCategory.ABUSED && decidingStepTaken) {
                assertThat(c.helpedInTime()).as("case %d was helped, so it is judged", c.index()).isNotNull();
            }
        }
    }

    @Test
    void an_outcome_whose_deciding_step_lies_in_the_future_is_not_claimed() {
        Instant now = Instant.parse("2024-03-10T05:00:00Z");
        List<PlannedCase> cases = new CasePlanner(3, FROM, TO, now).planAll(3000);
        assertThat(cases).allSatisfy(c -> assertThat(c.reportedAt()).isBefore(now.minus(Duration.ofMinutes(59))));
        for (PlannedCase c : cases) {
            if (c.helpedInTime() != null) {
                assertThat(c.steps()).anyMatch(s -> s.step() == c.helpDecidedBy());
            }
        }
        assertThat(cases.stream().filter(c -> c.category() == CaseCategory.ABUSED)
                .filter(c -> c.reportedAt().isAfter(now.minus(Duration.ofDays(5))))
                .filter(c -> c.helpedInTime() == null)).as("recent abused cases not helped yet").isNotEmpty();
    }

    @Test
    void names_and_addresses_are_obviously_synthetic() {
        PlannedCase c = new CasePlanner(42, FROM, TO, NOW).plan(41);
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) c.steps().get(0).body().get("child");
        assertThat(child.get("name")).isEqualTo("Trẻ Thử 00042");
        assertThat((String) child.get("address")).contains("thử").contains("00042");
    }

    @Test
    void a_range_without_a_day_before_now_is_refused() {
        assertThatThrownBy(() -> new CasePlanner(1, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(PlannedCase c, Step step) {
        return c.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow().occurredAt();
    }

    private static <K> Map<K, Long> count(List<PlannedCase> cases, Function<PlannedCase, K> key) {
        return cases.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void with_a_follow_up_share_the_other_cases_are_only_reported_and_those_followed_up_are_unchanged() {
        List<PlannedCase> full = new CasePlanner(11, FROM, TO, NOW).planAll(1000);
        List<PlannedCase> light = new CasePlanner(11, FROM, TO, NOW, 10).planAll(1000);

        long reportOnly = light.stream().filter(c -> c.steps().size() == 1).count();
        assertThat(reportOnly).isBetween(850L, 950L);
        for (int i = 0; i < full.size(); i++) {
            PlannedCase c = light.get(i);
            assertThat(c.steps().get(0).step()).isEqualTo(Step.REPORTED);
            if (c.steps().size() > 1) {
                assertThat(c).as("case %d goes on as in the full plan", i).isEqualTo(full.get(i));
            } else {
                assertThat(c.helpedInTime()).isNull();
            }
        }
    }
}
