package vn.childprotection.casetracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocumentationTest extends QuerySideIntegrationTest {

    @Test
    void the_openapi_document_describes_the_query_endpoints_with_bilingual_tags() {
        JsonNode api = body(getWithoutSignIn("/v3/api-docs"));
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}/history")).isTrue();
        assertThat(api.get("paths").has("/api/v1/risk-register")).isTrue();
        assertThat(api.get("tags").values()).extracting(tag -> tag.get("name").asString())
                .contains("Case file / Hồ sơ vụ việc", "Case history / Lịch sử vụ việc",
                        "Risk register / Sổ theo dõi nguy cơ");
        assertThat(api.get("components").get("schemas").has("CaseFile")).isTrue();
        assertThat(api.get("components").get("schemas").get("CaseFile").get("properties").has("personalDataErased"))
                .isTrue();
    }
}
