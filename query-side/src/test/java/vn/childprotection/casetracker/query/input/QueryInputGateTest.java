package vn.childprotection.casetracker.query.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Query parameters and path variables pass the same gate as request bodies: instants and dates in ISO-8601 within
 * the configured bounds, {@code asOf} not in the future, no control characters, {@code orgUnit} of indicators and
 * reports an area. The module's clock stands at {@link #NOW} (2025-09-01).
 */
class QueryInputGateTest extends QuerySideIntegrationTest {

    private static final String PERIOD = "orgUnit=313&from=2025-01-01&to=2025-06-30";

    static Stream<Arguments> refusedParameters() {
        return Stream.of(
                Arguments.of("/api/v1/indicators?" + PERIOD + "&asOf=2025-09-02T00:00:00Z", "asOf"),
                Arguments.of("/api/v1/reports/2025/annual?orgUnit=313&asOf=2030-01-01T00:00:00Z", "asOf"),
                Arguments.of("/api/v1/targets/2025?orgUnit=313&asOf=2025-09-01T00:06:00Z", "asOf"),
                Arguments.of("/api/v1/cases/some-case/history?asOf=2026-01-01T00:00:00Z", "asOf"),
                Arguments.of("/api/v1/indicators?" + PERIOD + "&asOf=1700000000", "asOf"),
                Arguments.of("/api/v1/indicators?" + PERIOD + "&asOf=2025-03-01T24:00:00Z", "asOf"),
                Arguments.of("/api/v1/indicators?" + PERIOD + "&asOf=2025-03-01T08:00:00", "asOf"),
                Arguments.of("/api/v1/indicators?orgUnit=313&from=1999-12-31&to=2025-06-30", "from"),
                Arguments.of("/api/v1/indicators?orgUnit=313&from=2025-01-01&to=2031-01-01", "to"),
                Arguments.of("/api/v1/indicators?orgUnit=313&from=2025-1-1&to=2025-06-30", "from"),
                Arguments.of("/api/v1/indicators?orgUnit=313&from=&to=2025-06-30", "from"),
                Arguments.of("/api/v1/audit-trail?from=-1000000000-01-01T00:00:00Z", "from"),
                Arguments.of("/api/v1/audit-trail?to=%2B10000-01-01T00:00:00Z", "to"),
                Arguments.of("/api/v1/org-units?validOn=0001-01-01", "validOn"),
                Arguments.of("/api/v1/indicators?orgUnit=313-police&from=2025-01-01&to=2025-06-30", "orgUnit"),
                Arguments.of("/api/v1/reports/2025/annual?orgUnit=313-health-centre", "orgUnit"),
                Arguments.of("/api/v1/targets/2025?orgUnit=313-police", "orgUnit"),
                Arguments.of("/api/v1/audit-trail?user=a%00b", "user"),
                Arguments.of("/api/v1/audit-trail?user=a%0Db", "user"),
                Arguments.of("/api/v1/audit-trail?user=%ED%A0%80", "user"),
                Arguments.of("/api/v1/audit-trail?user=%C0%AF", "user"),
                Arguments.of("/api/v1/audit-trail?to=", "to"),
                Arguments.of("/api/v1/cases/some-case/history?asOf=", "asOf"),
                Arguments.of("/api/v1/org-units?type=", "type"),
                Arguments.of("/api/v1/org-units?type=%20COMMUNE", "type"),
                Arguments.of("/api/v1/org-units?type=commune", "type"),
                Arguments.of("/api/v1/risk-register?riskLevel=HIGH%20", "riskLevel"),
                Arguments.of("/api/v1/audit-trail?action=%20CaseReported", "action"),
                Arguments.of("/api/v1/audit-trail?user=coordinator%20", "user"),
                Arguments.of("/api/v1/cases/some-case?minVersion=0", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=-1", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=two", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=1.0", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=%2B1", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=01", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=0x10", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=%201", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=", "minVersion"),
                Arguments.of("/api/v1/cases/some-case?minVersion=9223372036854775808", "minVersion"),
                Arguments.of("/api/v1/cases/some-case/history?minVersion=0", "minVersion"),
                Arguments.of("/api/v1/cases/some-case/disclosure?minVersion=-5", "minVersion"),
                Arguments.of("/api/v1/audit-trail?limit=%2B50", "limit"),
                Arguments.of("/api/v1/audit-trail?limit=0x1", "limit"),
                Arguments.of("/api/v1/audit-trail?limit=007", "limit"),
                Arguments.of("/api/v1/audit-trail?limit=%2310", "limit"),
                Arguments.of("/api/v1/audit-trail?limit=99999999999", "limit"),
                Arguments.of("/api/v1/audit-trail?page=0", "page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedParameters")
    void a_parameter_outside_the_rules_is_400_naming_it(String path, String parameter) {
        HttpResponse<String> refused = getAs(READER, path);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    @Test
    void an_as_of_within_the_clock_skew_and_a_past_period_are_answered() {
        assertThat(getAs(READER, "/api/v1/indicators?" + PERIOD + "&asOf=2025-09-01T00:04:00Z").statusCode())
                .isEqualTo(200);
        assertThat(getAs(READER, "/api/v1/indicators?" + PERIOD + "&asOf=2025-09-01T07:00:00%2B07:00")
                .statusCode()).isEqualTo(200);
        assertThat(getAs(READER, "/api/v1/indicators?orgUnit=313-an-thai&from=2025-01-01&to=2025-12-31")
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flagged=1", "flagged=yes", "flagged=on", "flagged=TRUE", "flagged=0", "flagged"})
    void a_boolean_parameter_is_true_or_false_only(String query) {
        HttpResponse<String> refused = getAs("auditor", "/api/v1/break-the-glass/grants?" + query);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("flagged");
    }

    @Test
    void exact_booleans_and_enums_in_parameters_are_answered() {
        assertThat(getAs("auditor", "/api/v1/break-the-glass/grants?flagged=true").statusCode()).isEqualTo(200);
        assertThat(getAs(READER, "/api/v1/org-units?type=COMMUNE").statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_of_the_query_side_passes_the_same_gate() {
        HttpResponse<String> refused = postAs(READER, "/api/v1/cases/some-case/break-the-glass",
                "{\"reason\":\"Kiểm tra khẩn cấp theo yêu cầu\\u0000 của công an\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }
}
