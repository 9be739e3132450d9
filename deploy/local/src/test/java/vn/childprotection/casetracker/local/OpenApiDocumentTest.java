package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The OpenAPI document is exact enough for a generated client, and for the hostile-input test that builds valid
 * requests from it: every request body has a schema with required fields, enums and an example, down to its nested
 * objects.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void every_request_body_has_a_schema_with_required_fields_enums_and_an_example() {
        Response response = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> checked = new ArrayList<>();

        List<String> withoutBody = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (String method : List.of("post", "put")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode body = operation.get("requestBody");
                if (body == null) {
                    withoutBody.add(method + " " + path.getKey());
                    continue;
                }
                assertThat(body.get("required").asBoolean()).as(path.getKey() + " body required").isTrue();
                String ref = body.get("content").get("application/json").get("schema").get("$ref").asString();
                JsonNode schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(schema.get("required")).as(ref + " lists its required fields").isNotNull();
                assertThat(schema.get("required").size()).as(ref + " required fields").isPositive();
                for (JsonNode required : schema.get("required")) {
                    assertThat(schema.get("properties").has(required.asString()))
                            .as(ref + " required field " + required.asString() + " is a property").isTrue();
                }
                for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                    JsonNode p = property.getValue();
                    boolean hasExample = p.has("example") || p.has("$ref") || p.has("items") && (p.get("items")
                            .has("$ref") || p.get("items").has("enum"));
                    assertThat(hasExample).as(ref + "." + property.getKey() + " has an example").isTrue();
                }
                checked.add(path.getKey());
            }
        }
        assertThat(withoutBody).as("only an action on a resource named by its path takes no body")
                .containsExactlyInAnyOrder("post /api/v1/admin/projections/{name}/rebuild",
                        "post /api/v1/admin/projections/{name}/dead-letters/retry",
                        "post /api/v1/admin/org-units/carry-over");

        assertThat(checked).contains("/api/v1/cases", "/api/v1/cases/{caseId}/initial-assessment",
                "/api/v1/cases/{caseId}/emergency-measures", "/api/v1/cases/{caseId}/detailed-assessment",
                "/api/v1/cases/{caseId}/plan", "/api/v1/cases/{caseId}/plan/approval",
                "/api/v1/cases/{caseId}/interventions/{interventionId}/status", "/api/v1/cases/{caseId}/reviews",
                "/api/v1/cases/{caseId}/closure", "/api/v1/cases/{caseId}/reopening",
                "/api/v1/cases/{caseId}/transfer", "/api/v1/targets/{year}/communes/{communeCode}");
        JsonNode category = schemas.get("ReportCaseRequest").get("properties").get("category");
        assertThat(category.get("enum").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ABUSED", "AT_RISK", "SPECIAL_CIRCUMSTANCES");
        assertThat(new ApiClient(port).get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void every_schema_a_request_body_reaches_lists_required_fields_and_gives_examples_within_its_enums_and_bounds() {
        JsonNode doc = new ApiClient(port).get("/v3/api-docs", null).json();
        JsonNode schemas = doc.get("components").get("schemas");
        Set<String> reached = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (String method : List.of("post", "put")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && operation.has("requestBody")) {
                    collect(operation.get("requestBody").get("content").get("application/json").get("schema"),
                            schemas, reached);
                }
            }
        }
        assertThat(reached).as("nested request schemas are reached too")
                .contains("ReportedChild", "Reporter", "TemporaryRemoval", "PlannedInterventionRequest");

        for (String name : reached) {
            JsonNode schema = schemas.get(name);
            assertThat(schema.get("required")).as(name + " lists its required fields").isNotNull();
            assertThat(schema.get("required").size()).as(name + " required fields").isPositive();
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                String field = name + "." + property.getKey();
                JsonNode p = property.getValue();
                if (p.has("$ref")) {
                    continue;
                }
                String type = p.get("type").isArray() ? p.get("type").get(0).asString() : p.get("type").asString();
                if (type.equals("array")) {
                    JsonNode items = p.get("items");
                    if (items.has("enum")) {
                        assertThat(p.has("example")).as(field + " has an example").isTrue();
                        List<String> allowed = items.get("enum").valueStream().map(JsonNode::asString).toList();
                        p.get("example").valueStream().forEach(e -> assertThat(allowed)
                                .as(field + " example within its enum").contains(e.asString()));
                    } else {
                        assertThat(items.has("$ref") || items.has("example") && items.has("maxLength"))
                                .as(field + " items are described").isTrue();
                    }
                    continue;
                }
                assertThat(p.has("example")).as(field + " has an example").isTrue();
                if (p.has("enum")) {
                    assertThat(p.get("enum").valueStream().map(JsonNode::asString).toList())
                            .as(field + " example within its enum").contains(p.get("example").asString());
                } else if (type.equals("string") && !p.has("format")) {
                    assertThat(p.has("maxLength")).as(field + " text has a maximum length").isTrue();
                    assertThat(p.get("example").asString().length()).as(field + " example within its length")
                            .isLessThanOrEqualTo(p.get("maxLength").asInt());
                } else if (type.equals("string")) {
                    assertThat(p.get("format").asString()).as(field + " format").isIn("date", "date-time");
                } else if (type.equals("integer")) {
                    assertThat(p.get("format").asString()).as(field + " format").isIn("int32", "int64");
                    if (p.has("minimum")) {
                        assertThat(p.get("example").asLong()).as(field + " example within its minimum")
                                .isGreaterThanOrEqualTo(p.get("minimum").asLong());
                    }
                } else {
                    assertThat(type).as(field + " type").isEqualTo("boolean");
                }
            }
        }
    }

    @Test
    void the_working_calendar_is_documented_with_its_response_schema() {
        JsonNode doc = new ApiClient(port).get("/v3/api-docs", null).json();
        JsonNode content = doc.get("paths").get("/api/v1/working-calendar").get("get").get("responses").get("200")
                .get("content");
        String ref = content.values().iterator().next().get("schema").get("$ref").asString();
        assertThat(ref).endsWith("/WorkingCalendar");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("WorkingCalendar").get("properties").propertyNames())
                .contains("years", "provisionalYears");
        assertThat(schemas.get("WorkingCalendarYear").get("properties").propertyNames())
                .contains("year", "status", "statusVi", "source", "daysOff", "workingDays");
        assertThat(schemas.get("WorkingCalendarDay").get("properties").propertyNames())
                .contains("date", "vi", "en", "note");
    }

    @Test
    void every_read_of_one_case_documents_min_version_as_a_whole_number_of_at_least_1() {
        JsonNode paths = new ApiClient(port).get("/v3/api-docs", null).json().get("paths");
        for (String path : List.of("/api/v1/cases/{caseId}", "/api/v1/cases/{caseId}/history",
                "/api/v1/cases/{caseId}/disclosure")) {
            JsonNode minVersion = paths.get(path).get("get").get("parameters").valueStream()
                    .filter(p -> p.get("name").asString().equals("minVersion")).findFirst().orElseThrow(
                            () -> new AssertionError(path + " documents no minVersion"));
            assertThat(minVersion.get("in").asString()).as(path).isEqualTo("query");
            assertThat(minVersion.path("required").asBoolean(false)).as(path).isFalse();
            assertThat(minVersion.get("description").asString()).as(path).contains("503", "Retry-After");
            assertThat(minVersion.get("schema").get("type").asString()).as(path).isEqualTo("integer");
            assertThat(minVersion.get("schema").get("minimum").asLong()).as(path).isEqualTo(1);
        }
    }

    private static void collect(JsonNode schema, JsonNode schemas, Set<String> reached) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (reached.add(name)) {
                for (JsonNode property : schemas.get(name).get("properties")) {
                    collect(property, schemas, reached);
                }
            }
        } else if (schema.has("items")) {
            collect(schema.get("items"), schemas, reached);
        }
    }
}
