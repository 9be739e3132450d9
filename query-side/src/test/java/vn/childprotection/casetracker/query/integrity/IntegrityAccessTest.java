package vn.childprotection.casetracker.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Only auditors and coordinators verify the history; everyone else is refused without learning anything.
 */
class IntegrityAccessTest extends QuerySideIntegrationTest {

    @Test
    void auditors_and_coordinators_verify_others_are_refused() {
        List<String> paths = List.of("/api/v1/integrity/head", "/api/v1/integrity/verification",
                "/api/v1/cases/any-case/history/verification");
        for (String path : paths) {
            for (String user : List.of("worker.anlao", "police", "dashboard")) {
                HttpResponse<String> refused = getAs(user, path);
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("hash", "any-case");
            }
            for (String user : List.of("auditor", "coordinator")) {
                assertThat(getAs(user, path).statusCode()).as(user + " " + path).isNotEqualTo(403);
            }
        }
    }
}
