package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Through the whole service over HTTP: a child reported a second time by naming its {@code childId} is one more
 * case received but not one more abused child (indicator 0101, Circular 13/2021). Reports dated in 2016 in Trường
 * Sơn, which no other test of this context uses.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class KnownChildIndicatorApiTest {

    private static final String COMMUNE = "313-tt-truong-son";
    private static final String WORKER = "worker." + COMMUNE;
    private static final String INDICATORS = "/api/v1/indicators?orgUnit=" + COMMUNE + "&from=2016-01-01&to=2016-12-31";

    @LocalServerPort
    int port;

    @Test
    void a_child_reported_again_by_its_id_raises_0101_by_one_and_cases_reported_by_two() {
        ApiClient api = new ApiClient(port);
        JsonNode before = api.get(INDICATORS, "coordinator").json();

        Response first = api.post("/api/v1/cases", WORKER, json(report("2016-04-01T02:00:00Z", null)));
        assertThat(first.status()).isEqualTo(201);
        String firstCase = first.json().get("caseId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/cases/" + firstCase, WORKER).status()
                == 200);
        String childId = api.get("/api/v1/cases/" + firstCase, WORKER).json().get("child").get("childId").asString();
        Response second = api.post("/api/v1/cases", WORKER, json(report("2016-04-03T02:00:00Z", childId)));
        assertThat(second.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(total(api.get(INDICATORS,
                "coordinator").json(), "CASES_REPORTED")).isEqualTo(total(before, "CASES_REPORTED") + 2));
        assertThat(total(api.get(INDICATORS, "coordinator").json(), "0101")).isEqualTo(total(before, "0101") + 1);
    }

    private static Map<String, Object> report(String occurredAt, String childId) {
        Map<String, Object> child = object("name", "Vũ Văn Nhắc Lại", "ageYears", 10, "sex", "MALE",
                "ethnicity", "Kinh");
        if (childId != null) {
            child.put("childId", childId);
        }
        return object("occurredAt", occurredAt, "communeCode", COMMUNE, "category", "ABUSED",
                "channel", "HOTLINE_111", "abuseForms", List.of("VIOLENCE"), "setting", "FAMILY", "child", child,
                "reporter", object("consentToRecordIdentity", false), "narrative", "Trẻ lại bị đánh.");
    }

    private static long total(JsonNode answer, String code) {
        return answer.get("indicators").values().stream().filter(i -> i.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code)).get("total").asLong();
    }
}
