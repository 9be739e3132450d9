package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * A read right after a write, with the version the write answered as {@code minVersion}, sees the write: never a 404
 * for a case just reported, never an older state, as README's walkthrough does it.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class ReadYourWritesTest {

    private static final int CASES = 10;

    @LocalServerPort
    int port;

    @Test
    void a_read_right_after_each_write_with_its_version_sees_that_write() {
        ApiClient api = new ApiClient(port);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Response reported = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                    "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "HOTLINE_111",
                    "abuseForms", List.of("VIOLENCE"), "setting", "FAMILY",
                    "child", object("name", "Lê Văn Thử " + i, "ageYears", 8, "sex", "MALE", "ethnicity", "Kinh"),
                    "reporter", object("consentToRecordIdentity", false))));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            String base = "/api/v1/cases/" + reported.json().get("caseId").asString();
            long reportedVersion = reported.json().get("version").asLong();
            Response file = api.get(base + "?minVersion=" + reportedVersion, "worker.xaanlao");
            answers.add(file.status() + " case file v" + (file.status() == 200 ? file.json().get("version") : "-"));

            Response assessed = api.post(base + "/initial-assessment", "worker.xaanlao",
                    json(object("riskLevel", "MEDIUM", "emergency", false)));
            assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
            long assessedVersion = assessed.json().get("version").asLong();
            Response history = api.get(base + "/history?minVersion=" + assessedVersion, "auditor.haiphong");
            answers.add(history.status() + " history of " + (history.status() == 200
                    ? history.json().get("entries").size() : "-"));
            Response assessedFile = api.get(base + "?minVersion=" + assessedVersion, "worker.xaanlao");
            answers.add(assessedFile.status() + " case file v" + (assessedFile.status() == 200
                    ? assessedFile.json().get("version") : "-") + " " + (assessedFile.status() == 200
                    ? assessedFile.json().get("status").asString() : "-"));
        }
        assertThat(answers).as("every read answered with the write it followed").hasSize(3 * CASES)
                .containsOnly("200 case file v1", "200 history of 2", "200 case file v2 INITIALLY_ASSESSED");
    }
}
