package vn.childprotection.casetracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocumentationTest extends QuerySideIntegrationTest {

    @Test
    void the_openapi_document_describes_the_query_endpoints_with_english_tags_described_in_vietnamese() {
        JsonNode api = body(getWithoutSignIn("/v3/api-docs"));
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}/history")).isTrue();
        assertThat(api.get("paths").has("/api/v1/risk-register")).isTrue();
        assertThat(api.get("paths").has("/api/v1/overdue")).isTrue();
        assertThat(api.get("paths").has("/api/v1/agencies/{code}/work-queue")).isTrue();
        assertThat(api.get("paths").has("/api/v1/coordination/declined-interventions")).isTrue();
        assertThat(api.get("paths").has("/api/v1/audit-trail")).isTrue();
        assertThat(api.get("paths").has("/api/v1/access-log")).isTrue();
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}/break-the-glass")).isTrue();
        assertThat(api.get("paths").has("/api/v1/break-the-glass/grants")).isTrue();
        assertThat(api.get("paths").has("/api/v1/break-the-glass/grants/{grantId}/review")).isTrue();
        assertThat(api.get("paths").has("/api/v1/cases/{caseId}/disclosure")).isTrue();
        assertThat(api.get("paths").has("/api/v1/statistics/open-cases")).isTrue();
        assertThat(api.get("paths").has("/api/v1/indicators")).isTrue();
        assertThat(api.get("paths").has("/api/v1/indicators/definitions")).isTrue();
        assertThat(api.get("paths").has("/api/v1/reports/{year}/{kind}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/targets/{year}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/projections")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/projections/{name}/rebuild")).isTrue();
        JsonNode report = api.get("paths").get("/api/v1/reports/{year}/{kind}").get("get");
        assertThat(report.get("parameters").values()).extracting(p -> p.get("name").asString())
                .contains("year", "kind", "orgUnit", "format", "asOf");
        assertThat(report.get("responses").get("200").get("content").has(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        assertThat(api.get("tags").values()).extracting(tag -> tag.get("name").asString())
                .contains("Case file", "Case history", "Risk register", "Overdue", "Agency work queue",
                        "Coordination", "Audit trail", "Access log", "Break-the-glass", "Disclosure", "Statistics",
                        "Indicators", "Reports");
        assertThat(api.get("tags").values()).extracting(tag -> tag.get("description").asString())
                .anyMatch(d -> d.startsWith("Hồ sơ vụ việc — "))
                .anyMatch(d -> d.startsWith("Sổ theo dõi nguy cơ — "))
                .anyMatch(d -> d.startsWith("Báo cáo — "));
        JsonNode auditTrail = api.get("paths").get("/api/v1/audit-trail").get("get");
        assertThat(auditTrail.get("parameters").values()).extracting(p -> p.get("name").asString())
                .contains("caseId", "agency", "user", "action", "from", "to", "limit", "cursor", "format")
                .doesNotContain("page", "size");
        assertThat(auditTrail.get("responses").get("200").get("content").has("text/csv")).isTrue();
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(schemas.get("RiskRegisterEntry").get("properties").has("nextDeadline")).isTrue();
        assertThat(schemas.get("RiskRegisterEntry").get("properties").has("overdue")).isTrue();
        assertThat(schemas.get("CaseFile").get("properties").has("pendingTransfer")).isTrue();
        assertThat(schemas.get("CaseFile").get("properties").has("deadlines")).isTrue();
        assertThat(api.get("components").get("schemas").has("CaseFile")).isTrue();
        assertThat(schemas.has("AgencyCaseFile")).isTrue();
        assertThat(schemas.get("CaseFile").get("properties").has("personalDataRedacted")).isTrue();
        assertThat(schemas.get("CaseFile").get("properties").has("consents")).isTrue();
        assertThat(schemas.get("OpenCasesCell").get("properties").has("suppressed")).isTrue();
        assertThat(schemas.get("StatutoryReport").get("properties").has("asOf")).isTrue();
        assertThat(schemas.get("IndicatorBreakdown").get("properties").has("multiValued")).isTrue();
        assertThat(api.get("components").get("schemas").get("CaseFile").get("properties").has("personalDataErased"))
                .isTrue();
    }
}
