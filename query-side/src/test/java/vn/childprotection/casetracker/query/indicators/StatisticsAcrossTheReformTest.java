package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;

/**
 * Indicators, reports, targets and statistics over the API across the 2025 reform, on years no other test of the
 * module records cases in (2024 and 2026). Invented abused children: in 2024 one each in Thị trấn An Lão, Xã Thái
 * Sơn (split in 2025), both closed in December 2024, and Xã Tân Viên (its case open across the reform, carried over
 * to Xã An Khánh and closed there on 1/2/2026); in 2026 one each in Xã An Lão, Xã An Khánh and Phường Phù Liễn (outside the former district); an
 * at-risk child in Xã An Tiến in 2024.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsAcrossTheReformTest extends QuerySideIntegrationTest {

    private static final String YEAR_2024 = "&from=2024-01-01&to=2024-12-31";
    private static final String YEAR_2026 = "&from=2026-01-01&to=2026-12-31";
    private static final String ABUSED = "&code=0101";

    private String carriedOver;

    @BeforeAll
    void recordTheCases() {
        // Closed before the reform, so that no other test finds them open in the old communes' registers.
        Instant closedBefore = Instant.parse("2024-12-20T02:00:00Z");
        for (String caseId : List.of(report("313-tt-an-lao", CaseCategory.ABUSED, "2024-03-01T02:00:00Z"),
                report("313-thai-son", CaseCategory.ABUSED, "2024-06-01T02:00:00Z"),
                report("313-an-tien", CaseCategory.AT_RISK, "2024-07-01T02:00:00Z"))) {
            append(CHAIR, closedBefore, new CaseClosed(caseId, closedBefore, "NO_FURTHER_RISK", null, null));
        }
        carriedOver = report("313-tan-vien", CaseCategory.ABUSED, "2024-10-01T02:00:00Z");
        appendBySystem("313-tan-vien", Instant.parse("2025-07-01T00:00:00Z"), new CaseCarriedOver(carriedOver,
                Instant.parse("2025-06-30T17:00:00Z"), "313-tan-vien", "31-xa-an-khanh",
                "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 49", false));
        Instant closed = Instant.parse("2026-02-01T02:00:00Z");
        append(CHAIR, closed, new CaseClosed(carriedOver, closed, "NO_FURTHER_RISK", null, null));
        report("31-xa-an-lao", CaseCategory.ABUSED, "2026-03-01T02:00:00Z");
        report("31-xa-an-khanh", CaseCategory.ABUSED, "2026-04-01T02:00:00Z");
        report("31-phuong-phu-lien", CaseCategory.ABUSED, "2026-05-01T02:00:00Z");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_step WHERE case_id = ? AND kind = 'CLOSED'", Long.class, carriedOver))
                .isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(total("31", YEAR_2026 + ABUSED, "0101"))
                .isEqualTo(3));
    }

    @BeforeEach
    void lateIn2026() {
        moveClockTo(Instant.parse("2026-11-29T03:00:00Z"));
    }

    @Test
    void the_former_district_compares_like_with_like_across_the_reform() {
        JsonNode before = getJson(indicators("former-313", YEAR_2024 + ABUSED));
        assertThat(before.get("reportingGroup").asBoolean()).isTrue();
        assertThat(before.get("orgUnitNameVi").asString()).isEqualTo("Địa bàn huyện An Lão cũ");
        assertThat(before.get("indicators").get(0).get("total").asLong()).as("An Lão, Thái Sơn, Tân Viên")
                .isEqualTo(3);
        assertThat(total("former-313", YEAR_2026 + ABUSED, "0101")).as("An Lão, An Khánh; not Phù Liễn")
                .isEqualTo(2);
        assertThat(total("313", YEAR_2024 + ABUSED, "0101")).isEqualTo(3);
        assertThat(total("313", YEAR_2026 + ABUSED, "0101")).as("no district since 1/7/2025").isZero();
        assertThat(total("31", YEAR_2026 + ABUSED, "0101")).as("rolled up to Hải Phòng").isEqualTo(3);
        assertThat(total("31-xa-an-lao", YEAR_2024 + ABUSED, "0101")).as("did not exist in 2024").isZero();
    }

    @Test
    void a_carried_over_case_counts_its_later_facts_in_the_successor() {
        assertThat(total("31-xa-an-khanh", YEAR_2026 + "&code=CLOSED_CASES", "CLOSED_CASES")).isEqualTo(1);
        assertThat(total("313-tan-vien", YEAR_2026 + "&code=CLOSED_CASES", "CLOSED_CASES")).isZero();
        assertThat(total("313-tan-vien", YEAR_2024 + "&code=OPEN_CASES", "OPEN_CASES")).as("open on 31/12/2024")
                .isEqualTo(1);
        assertThat(total("31-xa-an-khanh", YEAR_2024 + "&code=OPEN_CASES", "OPEN_CASES")).isZero();
    }

    @Test
    void a_new_commune_shows_its_predecessors_only_when_asked_and_flags_the_split_ones() {
        assertThat(total("31-xa-an-lao", YEAR_2024 + ABUSED, "0101")).isZero();
        JsonNode trend = getJson(indicators("31-xa-an-lao", YEAR_2024 + ABUSED + "&includePredecessors=true"));
        assertThat(trend.get("includePredecessors").asBoolean()).isTrue();
        assertThat(trend.get("indicators").get(0).get("total").asLong()).as("Thị trấn An Lão and Thái Sơn")
                .isEqualTo(2);
        assertThat(trend.get("splitPredecessors").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("313-thai-son", "313-tt-truong-son");
        assertThat(trend.get("communes").values()).extracting(JsonNode::asString)
                .contains("31-xa-an-lao", "313-tt-an-lao", "313-an-tien", "313-an-thang", "313-tan-dan")
                .doesNotContain("313-tan-vien");
        JsonNode dashboard = body(getAs("dashboard", "/api/v1/statistics/indicators?orgUnit=31-xa-an-lao"
                + YEAR_2024 + ABUSED + "&includePredecessors=true"));
        assertThat(dashboard.get("splitPredecessors").size()).isEqualTo(2);
    }

    @Test
    void reports_targets_and_statistics_take_a_reporting_group() {
        JsonNode report = getJson("/api/v1/reports/2026/annual?orgUnit=former-313");
        assertThat(report.get("orgUnitNameVi").asString()).isEqualTo("Địa bàn huyện An Lão cũ");
        assertThat(report.get("indicators").values()).filteredOn(i -> i.get("code").asString().equals("0101"))
                .extracting(i -> i.get("total").asLong()).as("15/11/2025–14/11/2026").containsExactly(2L);
        JsonNode targets = getJson("/api/v1/targets/2026?orgUnit=former-313");
        assertThat(targets.get("communes").values()).extracting(c -> c.get("communeCode").asString())
                .as("only the communes that existed in the plan year").containsExactlyInAnyOrder("31-xa-an-lao",
                        "31-xa-an-truong", "31-xa-an-quang", "31-xa-an-khanh", "31-xa-an-hung");
        HttpResponse<String> statistics = getAs("dashboard", "/api/v1/statistics/indicators?orgUnit=former-313"
                + YEAR_2026 + ABUSED);
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(body(statistics).get("reportingGroup").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_area_or_a_loose_boolean_is_refused_and_commune_staff_do_not_read_a_group() {
        for (String path : List.of(indicators("former-999", YEAR_2026), indicators("31-health-department",
                YEAR_2026), "/api/v1/reports/2026/annual?orgUnit=former-999", "/api/v1/targets/2026?orgUnit=x")) {
            HttpResponse<String> refused = get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("orgUnit");
        }
        HttpResponse<String> notABoolean = get(indicators("31", YEAR_2026 + "&includePredecessors=yes"));
        assertThat(notABoolean.statusCode()).isEqualTo(400);
        assertThat(notABoolean.body()).contains("includePredecessors");
        assertRefused(getAs("worker.31-xa-an-lao", indicators("former-313", YEAR_2026)), "not-your-commune");
        assertThat(getAs("worker.31-xa-an-lao", indicators("31-xa-an-lao", YEAR_2026)).statusCode()).isEqualTo(200);
    }

    private String report(String commune, CaseCategory category, String at) {
        String caseId = newId("reform");
        Instant occurredAt = Instant.parse(at);
        append(WORKER, occurredAt, new CaseReported(caseId, "child-" + UUID.randomUUID(), occurredAt, commune,
                commune, category, ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY,
                Set.of(), Sex.MALE, 11, false, "Kinh", null, null, null, false, null, null));
        return caseId;
    }

    private long total(String area, String query, String code) {
        return getJson(indicators(area, query)).get("indicators").values().stream()
                .filter(i -> i.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("total").asLong();
    }

    private static String indicators(String area, String query) {
        return "/api/v1/indicators?orgUnit=" + area + query;
    }
}
