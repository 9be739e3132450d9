package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The right to be forgotten: after an authorised erasure no API returns the child's data, the history and the
 * registers still work, the hash chain still verifies, and no table holds the plain text.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class ErasureTest {

    private static final String NAME = "Vũ Thị Quên Lãng";
    private static final String ADDRESS = "Ngõ Xóa Dữ Liệu";
    private static final String NARRATIVE = "Tường thuật cần được xóa";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void after_erasure_no_api_and_no_table_shows_the_child_and_history_still_verifies() {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "HOTLINE_111",
                "abuseForms", List.of("NEGLECT"),
                "child", object("name", NAME, "ageYears", 8, "sex", "FEMALE", "address", ADDRESS),
                "reporter", object("consentToRecordIdentity", false),
                "narrative", NARRATIVE))).json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId;
        assertThat(api.post(base + "/initial-assessment", "worker.xaanlao",
                json(object("riskLevel", "MEDIUM", "emergency", false, "notes", "Ghi chú riêng tư"))).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(base, "worker.xaanlao"),
                r -> r.status() == 200 && NAME.equals(r.json().get("child").get("name").asString()));

        Response erased = api.post(base + "/erasure", "chair.xaanlao",
                json(object("legalBasis", "PURPOSE_FULFILLED", "authorisationReference", "QĐ 7/2026/QĐ-UBND")));
        assertThat(erased.status()).isEqualTo(200);
        long version = erased.json().get("version").asLong();

        JsonNode file = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(base, "worker.xaanlao"),
                r -> r.status() == 200 && r.json().get("version").asLong() == version).json();
        assertThat(file.get("personalDataErased").asBoolean()).isTrue();
        assertThat(file.get("child").get("name").isNull()).isTrue();
        assertThat(file.toString()).doesNotContain(NAME, ADDRESS, NARRATIVE, "Ghi chú riêng tư");
        assertThat(file.get("child").get("ageYears").asInt()).as("statistics fields stay").isEqualTo(8);

        Response disclosure = api.get(base + "/disclosure", "worker.xaanlao");
        assertThat(disclosure.status()).isEqualTo(409);
        assertThat(disclosure.json().get("rule").asString()).isEqualTo("identity-erased");

        JsonNode history = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(base + "/history", "auditor.haiphong").json(),
                h -> h.get("entries").valueStream().anyMatch(e -> "ChildIdentityErased".equals(
                        e.get("eventType").asString())));
        assertThat(history.get("entries").size()).isEqualTo((int) version);
        JsonNode register = api.get("/api/v1/risk-register?commune=31-xa-an-lao", "coordinator.haiphong").json();
        assertThat(register.get("cases").findValuesAsString("caseId")).contains(caseId);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode abused = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/indicators?orgUnit="
                        + "31-xa-an-lao&code=0101&from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                        "coordinator.haiphong").json().get("indicators").get(0),
                indicator -> indicator.get("total").asLong() == 1);
        assertThat(abused.toString()).as("the erased child still counts, by sex, age and form")
                .contains("{\"key\":\"FEMALE\",\"labelVi\":\"Nữ\",\"labelEn\":\"Female\",\"count\":1}")
                .contains("{\"key\":\"6-10\",\"labelVi\":\"6-10 tuổi\",\"labelEn\":\"aged 6-10\",\"count\":1}")
                .contains("{\"key\":\"NEGLECT\",\"labelVi\":\"Bỏ mặc\",\"labelEn\":\"Neglect\",\"count\":1}");

        JsonNode verification = api.get(base + "/history/verification", "auditor.haiphong").json();
        assertThat(verification.get("verified").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo((int) version);

        assertThat(tablesHolding(NAME)).isEmpty();
        assertThat(tablesHolding(ADDRESS)).isEmpty();
        assertThat(tablesHolding(NARRATIVE)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key WHERE child_id = ?", Long.class,
                file.get("child").get("childId").asString())).isZero();
    }

    /**
     * Every column of every table that could hold text, searched for the value (as UTF-8 bytes in binary columns).
     */
    private List<String> tablesHolding(String plain) {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type "
                + "FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            String condition = "bytea".equals(c.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"" + column + "\") > 0"
                    : "\"" + column + "\"::text LIKE '%' || ? || '%'";
            Long hits = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE " + condition, Long.class,
                    plain);
            if (hits != null && hits > 0) {
                found.add(table + "." + column);
            }
        }
        assertThat(columns).as("columns searched").hasSizeGreaterThan(20);
        return found;
    }
}
