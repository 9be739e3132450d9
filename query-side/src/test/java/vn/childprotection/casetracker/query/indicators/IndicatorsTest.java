package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * Indicators and reports over a small hand-made set of cases in 2018 in one commune (no other test uses that year),
 * whose every expected count is worked out by hand below.
 * <ul>
 *   <li>A: abused girl of 9, violence and neglect in the family, reported 1/3; emergency, measures 2 h later
 *       (limit 12 h): helped in time.</li>
 *   <li>B: abused boy of 4, sexual abuse, setting not recorded, reported 1/4; plan drafted 20 days after the
 *       detailed assessment (limit 5 days), then approved: helped, but late.</li>
 *   <li>C: girl of 12 at risk, reported 1/5, initially assessed; closed 1/8, that closing recorded only on
 *       1/3/2019.</li>
 *   <li>D: boy of 14 at risk, reported 1/6, never assessed.</li>
 *   <li>E: girl of 3 in special circumstances (orphaned, disability), reported 31/12/2018 20:00 Vietnam time.</li>
 *   <li>F: boy of 7 in special circumstances, reported 1/1/2019 00:30 Vietnam time (still 31/12 in UTC).</li>
 *   <li>G: abused boy of 11 (exploitation at school) reported as happening on 1/7/2018 but recorded on
 *       1/2/2019.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest extends QuerySideIntegrationTest {

    private static final String COMMUNE = "313-quoc-tuan";
    private static final String PERIOD_2018 = "&from=2018-01-01&to=2018-12-31";
    /** Before G and C's closing were recorded. */
    private static final String BEFORE_LATE_RECORDS = "2019-01-15T00:00:00Z";

    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void recordTheCases() {
        Instant a = Instant.parse("2018-03-01T01:00:00Z");
        report("A", CaseCategory.ABUSED, Sex.FEMALE, 9, Set.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
                AbuseSetting.FAMILY, Set.of(), a, a);
        String caseA = ids.get("A");
        append(WORKER, a.plusSeconds(3600), new InitialAssessmentRecorded(caseA, a.plusSeconds(3600),
                RiskLevel.HIGH, true, null));
        append(WORKER, a.plusSeconds(3600), scheduled(caseA, a.plusSeconds(3600), "d-a-1",
                DeadlineRule.EMERGENCY_MEASURES, a.plus(Duration.ofHours(12)), COMMUNE, null));
        append(CHAIR, a.plusSeconds(7200), new EmergencyMeasuresTaken(caseA, a.plusSeconds(7200),
                List.of(EmergencyMeasure.SAFE_PLACE), null, null));
        append(CHAIR, a.plusSeconds(7200), new DeadlineFulfilled(caseA, a.plusSeconds(7200), "d-a-1",
                DeadlineRule.EMERGENCY_MEASURES, null, false));

        Instant b = Instant.parse("2018-04-01T01:00:00Z");
        report("B", CaseCategory.ABUSED, Sex.MALE, 4, Set.of(AbuseForm.SEXUAL_ABUSE), null, Set.of(), b, b);
        String caseB = ids.get("B");
        Instant assessed = b.plus(Duration.ofDays(1));
        append(WORKER, assessed, new InitialAssessmentRecorded(caseB, assessed, RiskLevel.MEDIUM, false, null));
        append(WORKER, assessed, new DetailedAssessmentRecorded(caseB, assessed, RiskLevel.MEDIUM, null));
        append(WORKER, assessed, scheduled(caseB, assessed, "d-b-1", DeadlineRule.PLAN_DRAFTING,
                assessed.plus(Duration.ofDays(7)), COMMUNE, null));
        Instant drafted = assessed.plus(Duration.ofDays(20));
        append(WORKER, drafted, new SupportPlanDrafted(caseB, drafted, 1, List.of(), null));
        append(WORKER, drafted, new DeadlineFulfilled(caseB, drafted, "d-b-1", DeadlineRule.PLAN_DRAFTING, null,
                true));
        append(WORKER, drafted, scheduled(caseB, drafted, "d-b-2", DeadlineRule.PLAN_APPROVAL,
                drafted.plus(Duration.ofDays(2)), COMMUNE, null));
        Instant approved = drafted.plusSeconds(3600);
        append(CHAIR, approved, new SupportPlanApproved(caseB, approved, 1));
        append(CHAIR, approved, new DeadlineFulfilled(caseB, approved, "d-b-2", DeadlineRule.PLAN_APPROVAL, null,
                false));

        Instant c = Instant.parse("2018-05-01T01:00:00Z");
        report("C", CaseCategory.AT_RISK, Sex.FEMALE, 12, Set.of(), AbuseSetting.COMMUNITY, Set.of(), c, c);
        append(WORKER, c.plusSeconds(600), new InitialAssessmentRecorded(ids.get("C"), c.plusSeconds(600),
                RiskLevel.LOW, false, null));
        append(CHAIR, Instant.parse("2019-03-01T00:00:00Z"), new CaseClosed(ids.get("C"),
                Instant.parse("2018-08-01T02:00:00Z"), "NO_FURTHER_RISK", null));

        Instant d = Instant.parse("2018-06-01T01:00:00Z");
        report("D", CaseCategory.AT_RISK, Sex.MALE, 14, Set.of(), null, Set.of(), d, d);
        Instant e = Instant.parse("2018-12-31T13:00:00Z");
        report("E", CaseCategory.SPECIAL_CIRCUMSTANCES, Sex.FEMALE, 3, Set.of(), null,
                Set.of(SpecialCircumstanceGroup.A_ORPHANED, SpecialCircumstanceGroup.D_DISABILITY), e, e);
        Instant f = Instant.parse("2018-12-31T17:30:00Z");
        report("F", CaseCategory.SPECIAL_CIRCUMSTANCES, Sex.MALE, 7, Set.of(), null,
                Set.of(SpecialCircumstanceGroup.B_ABANDONED), f, f);
        report("G", CaseCategory.ABUSED, Sex.MALE, 11, Set.of(AbuseForm.EXPLOITATION), AbuseSetting.SCHOOL,
                Set.of(), Instant.parse("2018-07-01T01:00:00Z"), Instant.parse("2019-02-01T00:00:00Z"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_case WHERE case_id = ANY (?)", Long.class,
                (Object) ids.values().toArray(String[]::new))).isEqualTo(7L));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_step WHERE case_id = ?", Long.class, ids.get("C"))).isEqualTo(2L));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_step WHERE case_id = ?", Long.class, caseB)).isEqualTo(6L));
    }

    @Test
    void abused_children_are_counted_once_with_every_breakdown() {
        JsonNode abused = indicator(getJson(indicators(COMMUNE, PERIOD_2018, null)), "0101");

        assertThat(abused.get("total").asLong()).isEqualTo(3);
        assertThat(cells(abused, "sex")).containsEntry("FEMALE", 1L).containsEntry("MALE", 2L)
                .containsEntry("UNKNOWN", 0L);
        assertThat(cells(abused, "ageGroup")).containsEntry("0-5", 1L).containsEntry("6-10", 1L)
                .containsEntry("11-15", 1L);
        assertThat(cells(abused, "abuseForm")).containsEntry("VIOLENCE", 1L).containsEntry("NEGLECT", 1L)
                .containsEntry("SEXUAL_ABUSE", 1L).containsEntry("EXPLOITATION", 1L)
                .containsEntry("TRAFFICKING", 0L);
        assertThat(cells(abused, "setting")).containsEntry("FAMILY", 1L).containsEntry("SCHOOL", 1L)
                .containsEntry("NOT_RECORDED", 1L);
    }

    @Test
    void each_measure_counts_what_the_cases_show() {
        JsonNode answer = getJson(indicators(COMMUNE, PERIOD_2018, null));

        assertThat(total(answer, "CASES_REPORTED")).as("A B C D E G; F falls on 1/1/2019 in Vietnam").isEqualTo(6);
        assertThat(cells(indicator(answer, "CASES_BY_CHANNEL"), "channel")).containsEntry("HOTLINE_111", 6L);
        assertThat(total(answer, "AT_RISK_DETECTED")).isEqualTo(2);
        assertThat(total(answer, "AT_RISK_FOLLOWED")).as("C only").isEqualTo(1);
        assertThat(total(answer, "SPECIAL_CIRCUMSTANCES")).as("E").isEqualTo(1);
        assertThat(cells(indicator(answer, "SPECIAL_CIRCUMSTANCES"), "specialCircumstanceGroup"))
                .containsEntry("A_ORPHANED", 1L).containsEntry("D_DISABILITY", 1L).containsEntry("B_ABANDONED", 0L);
        assertThat(total(answer, "CHILDREN_SUPPORTED")).as("A by emergency measures, B by its plan").isEqualTo(2);
        assertThat(total(answer, "ABUSED_HELPED_IN_TIME")).as("A only; B's plan came late").isEqualTo(1);
        assertThat(total(answer, "OPEN_CASES")).as("all but C").isEqualTo(5);
        assertThat(total(answer, "CLOSED_CASES")).as("C").isEqualTo(1);
        assertThat(answer.get("inTimeRule").asString()).contains("12");
    }

    @Test
    void as_of_an_earlier_instant_only_what_had_been_recorded_then_is_counted() {
        JsonNode answer = getJson(indicators(COMMUNE, PERIOD_2018, BEFORE_LATE_RECORDS));

        assertThat(total(answer, "0101")).as("G was recorded later").isEqualTo(2);
        assertThat(total(answer, "CLOSED_CASES")).as("C's closing was recorded later").isEqualTo(0);
        assertThat(total(answer, "OPEN_CASES")).as("A B C D E").isEqualTo(5);
        assertThat(answer.get("asOf").asString()).isEqualTo(BEFORE_LATE_RECORDS);
    }

    @Test
    void a_district_adds_up_its_communes_and_single_valued_breakdowns_add_up_to_the_total() {
        JsonNode district = getJson(indicators("313", PERIOD_2018, null));
        JsonNode province = getJson(indicators("31", PERIOD_2018, null));

        assertThat(district.get("communes").values().stream().map(JsonNode::asString)).contains(COMMUNE).hasSize(17);
        assertThat(total(district, "0101")).isGreaterThanOrEqualTo(3).isEqualTo(total(province, "0101"));
        assertThat(cells(indicator(district, "CASES_REPORTED"), "commune")).containsEntry(COMMUNE, 6L);
        for (JsonNode indicator : district.get("indicators")) {
            for (JsonNode breakdown : indicator.get("breakdowns")) {
                if (!breakdown.get("multiValued").asBoolean()) {
                    long sum = breakdown.get("cells").values().stream().mapToLong(c -> c.get("count").asLong()).sum();
                    assertThat(sum).as(indicator.get("code").asString() + " by "
                            + breakdown.get("dimension").asString()).isEqualTo(indicator.get("total").asLong());
                }
            }
        }
    }

    @Test
    void an_annual_report_covers_its_configured_period_as_json_csv_and_xlsx() throws Exception {
        String path = "/api/v1/reports/2018/annual?orgUnit=" + COMMUNE;
        JsonNode report = getJson(path);

        assertThat(report.get("from").asString()).isEqualTo("2017-11-15");
        assertThat(report.get("to").asString()).isEqualTo("2018-11-14");
        assertThat(report.get("dueDate").asString()).isEqualTo("2018-11-15");
        assertThat(total(report, "0101")).as("A B G").isEqualTo(3);
        assertThat(total(report, "CASES_REPORTED")).as("A B C D G; E came after 14/11").isEqualTo(5);
        JsonNode helpedInTime = report.get("targets").get("lines").values().stream()
                .filter(l -> l.get("code").asString().equals("ABUSED_HELPED_IN_TIME_SHARE")).findFirst().orElseThrow();
        assertThat(helpedInTime.get("achieved").asLong()).isEqualTo(1);
        assertThat(helpedInTime.get("base").asLong()).isEqualTo(3);
        assertThat(helpedInTime.get("percent").asDouble()).isEqualTo(33.3);

        HttpResponse<String> csv = get(path + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("0101,Số trẻ em bị xâm hại,Tổng số / Total,,,3\r\n");

        byte[] xlsx = getBytes(path + "&format=xlsx&asOf=" + BEFORE_LATE_RECORDS);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet abuse = workbook.getSheet("Trẻ em bị xâm hại");
            assertThat(abuse).as("one sheet per indicator group").isNotNull();
            assertThat(workbook.getSheet("Mục tiêu kế hoạch")).isNotNull();
            Row total = rowStartingWith(abuse, "0101");
            assertThat(total.getCell(2).getNumericCellValue()).as("as of before G").isEqualTo(2.0);
            int sums = 0;
            for (Row row : abuse) {
                Cell label = row.getCell(1);
                if (label != null && label.getStringCellValue().trim().equals("Cộng")) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.FORMULA);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(2.0);
                    sums++;
                }
            }
            assertThat(sums).as("sex, age group, setting").isEqualTo(3);
        }
    }

    @Test
    void a_semiannual_report_and_bad_requests() {
        JsonNode report = getJson("/api/v1/reports/2018/semiannual?orgUnit=" + COMMUNE);
        assertThat(report.get("from").asString()).isEqualTo("2017-11-15");
        assertThat(report.get("to").asString()).isEqualTo("2018-05-14");
        assertThat(total(report, "CASES_REPORTED")).as("A B C").isEqualTo(3);

        assertProblem(get("/api/v1/reports/2018/quarterly?orgUnit=" + COMMUNE), 404);
        assertProblem(get("/api/v1/reports/2018/annual?orgUnit=" + COMMUNE + "&format=pdf"), 400);
        assertProblem(get("/api/v1/reports/2018/annual?orgUnit=nowhere"), 400);
        assertProblem(get("/api/v1/indicators?orgUnit=313&from=2018-12-31&to=2018-01-01"), 400);
        assertProblem(get("/api/v1/indicators?orgUnit=313&from=2018-01-01&to=2018-12-31&code=9999"), 400);
        assertProblem(get("/api/v1/indicators?orgUnit=313&from=2018-01-01&to=yesterday"), 400);
        assertProblem(get("/api/v1/indicators?orgUnit=313&from=2018-01-01&to=2018-12-31&asOf=soon"), 400);
    }

    @Test
    void the_plans_targets_put_the_communes_entered_figures_beside_the_cases() {
        recordTargets(Instant.parse("2018-12-01T00:00:00Z"), new CommuneTargetsRecorded(COMMUNE, 2018,
                Instant.parse("2018-11-30T00:00:00Z"), 100, 90, 2, 2, true, true, false, null));
        recordTargets(Instant.parse("2019-02-01T00:00:00Z"), new CommuneTargetsRecorded(COMMUNE, 2018,
                Instant.parse("2019-01-31T00:00:00Z"), 100, 100, 2, 2, true, true, true, null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM commune_target_record WHERE commune_code = ? AND year = 2018", Long.class,
                COMMUNE)).isEqualTo(2L));

        JsonNode before = getJson("/api/v1/targets/2018?orgUnit=" + COMMUNE + "&asOf=" + BEFORE_LATE_RECORDS);
        assertThat(line(before, "UNDER_6_HEALTH_INSURANCE_SHARE").get("percent").asDouble()).isEqualTo(90.0);
        assertThat(line(before, "UNDER_6_HEALTH_INSURANCE_SHARE").get("met").asBoolean()).isFalse();
        assertThat(line(before, "HEART_POLICY_SHARE").get("met").asBoolean()).isTrue();
        assertThat(line(before, "MID_AUTUMN_COMMUNES").get("achieved").asLong()).isZero();
        assertThat(line(before, "CHILDREN_FORUM_COMMUNES").get("met").asBoolean()).as("not reported").isFalse();
        assertThat(line(before, "AT_RISK_FOLLOWED_SHARE").get("percent").asDouble()).as("C of C, D")
                .isEqualTo(50.0);
        assertThat(line(before, "ABUSED_HELPED_IN_TIME_SHARE").get("achieved").asLong()).isEqualTo(1);

        JsonNode now = getJson("/api/v1/targets/2018?orgUnit=" + COMMUNE);
        assertThat(line(now, "UNDER_6_HEALTH_INSURANCE_SHARE").get("met").asBoolean()).as("the revision")
                .isTrue();
        assertThat(line(now, "MID_AUTUMN_COMMUNES").get("achieved").asLong()).isEqualTo(1);
        assertThat(line(now, "ABUSED_FEWER_THAN_LAST_YEAR").get("achieved").asLong()).as("A B G").isEqualTo(3);
        assertThat(line(now, "ABUSED_FEWER_THAN_LAST_YEAR").get("base").asLong()).as("none in 2017").isZero();
        assertThat(line(now, "ABUSED_FEWER_THAN_LAST_YEAR").get("met").asBoolean()).isFalse();
    }

    @Test
    void dashboards_read_the_indicators_with_small_cells_suppressed() {
        JsonNode answer = body(getAs("dashboard", "/api/v1/statistics/indicators?orgUnit=" + COMMUNE + PERIOD_2018));

        assertThat(answer.get("threshold").asInt()).isEqualTo(5);
        JsonNode reported = indicator(answer, "CASES_REPORTED");
        assertThat(reported.get("total").get("count").asLong()).as("6 is not small").isEqualTo(6);
        JsonNode byCategory = reported.get("breakdowns").get(0);
        assertThat(byCategory.get("dimension").asString()).isEqualTo("category");
        assertThat(byCategory.get("cells").values()).as("3 abused, 2 at risk, 1: published whole or not at all")
                .allSatisfy(cell -> {
                    assertThat(cell.get("count").get("suppressed").asBoolean()).isTrue();
                    assertThat(cell.get("count").get("count").isNull()).isTrue();
                });
        assertThat(indicator(answer, "0101").get("total").get("suppressed").asBoolean()).as("3 abused children")
                .isTrue();
        assertThat(answer.toString()).doesNotContain("\"count\":1,", "\"count\":2,", "\"count\":3,");
        assertRefused(getAs("police", "/api/v1/statistics/indicators?orgUnit=313" + PERIOD_2018),
                "role-not-allowed");
    }

    @Test
    void commune_staff_read_their_own_commune_only_and_agencies_none() {
        assertThat(getAs("worker.anlao", indicators("313-tt-an-lao", PERIOD_2018, null)).statusCode())
                .isEqualTo(200);
        assertRefused(getAs("worker.anlao", indicators(COMMUNE, PERIOD_2018, null)), "not-your-commune");
        assertRefused(getAs("police", "/api/v1/reports/2018/annual?orgUnit=313"), "role-not-allowed");
        assertRefused(getAs("dashboard", indicators("313", PERIOD_2018, null)), "role-not-allowed");
        assertThat(getAs("auditor", "/api/v1/targets/2018?orgUnit=313").statusCode()).isEqualTo(200);
    }

    private void report(String name, CaseCategory category, Sex sex, int age, Set<AbuseForm> forms,
                        AbuseSetting setting, Set<SpecialCircumstanceGroup> groups, Instant occurredAt,
                        Instant recordedAt) {
        String caseId = newId("ind-" + name);
        String childId = "child-" + UUID.randomUUID();
        ids.put(name, caseId);
        append(WORKER, recordedAt, new CaseReported(caseId, childId, occurredAt, COMMUNE, COMMUNE, category,
                ReportChannel.HOTLINE_111, forms, setting, groups, sex, age, false, "Kinh", null, null, null, false,
                null, null));
    }

    private void recordTargets(Instant recordedAt, CommuneTargetsRecorded event) {
        String id = "targets:" + event.communeCode() + ":" + event.year();
        long next = eventStore.lastSequenceNumberFor(id).map(n -> n + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("CommuneYearTargets", id, next, event,
                Map.of(ActorMetaData.USER, COORDINATOR.username(), ActorMetaData.ORG_UNIT, COORDINATOR.orgUnit(),
                        ActorMetaData.ROLE, COORDINATOR.role().name()), UUID.randomUUID().toString(), recordedAt));
    }

    private static JsonNode line(JsonNode targets, String code) {
        return targets.get("lines").values().stream().filter(l -> l.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no target line " + code));
    }

    private static String indicators(String orgUnit, String period, String asOf) {
        return "/api/v1/indicators?orgUnit=" + orgUnit + period + (asOf == null ? "" : "&asOf=" + asOf);
    }

    private static JsonNode indicator(JsonNode answer, String code) {
        return answer.get("indicators").values().stream().filter(i -> i.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code));
    }

    private static long total(JsonNode answer, String code) {
        return indicator(answer, code).get("total").asLong();
    }

    private static Map<String, Long> cells(JsonNode indicator, String dimension) {
        JsonNode breakdown = indicator.get("breakdowns").values().stream()
                .filter(b -> b.get("dimension").asString().equals(dimension)).findFirst()
                .orElseThrow(() -> new AssertionError("no breakdown " + dimension));
        Map<String, Long> cells = new HashMap<>();
        breakdown.get("cells").forEach(c -> cells.put(c.get("key").asString(), c.get("count").asLong()));
        return cells;
    }

    private static Row rowStartingWith(Sheet sheet, String code) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
