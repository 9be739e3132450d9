package vn.childprotection.casetracker.local.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility checker on small documents shaped like the service's: each kind of break a generated client
 * would not survive is caught and named, an additive change passes, and a new compatibility line in
 * {@code info.version} allows breaks.
 */
class ContractCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COMMITTED = """
            {"openapi": "3.1.0", "info": {"title": "Case tracker", "version": "1.2.0"},
             "paths": {
              "/cases": {"post": {
                "parameters": [{"name": "Idempotency-Key", "in": "header", "required": false,
                                "schema": {"type": "string", "maxLength": 255}}],
                "requestBody": {"required": true, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Report"}}}},
                "responses": {
                  "201": {"description": "opened", "headers": {"Location": {"schema": {"type": "string"}}},
                          "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Result"}}}},
                  "400": {"description": "invalid", "content": {"application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/cases/{caseId}": {"get": {
                "parameters": [{"name": "caseId", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "case file", "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/CaseFile"}}}}}}}},
             "components": {"schemas": {
              "Report": {"type": "object", "required": ["category"], "properties": {
                "category": {"type": "string", "enum": ["ABUSED", "AT_RISK"]},
                "narrative": {"type": "string", "maxLength": 20000},
                "ageYears": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 15}}},
              "Result": {"type": "object", "required": ["caseId", "version"], "properties": {
                "caseId": {"type": "string"}, "version": {"type": "integer", "format": "int64"}}},
              "Problem": {"type": "object", "properties": {"title": {"type": "string"}, "rule": {"type": "string"}}},
              "CaseFile": {"type": "object", "required": ["caseId", "status"], "properties": {
                "caseId": {"type": "string"}, "status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                "interventions": {"type": "array", "items": {"$ref": "#/components/schemas/Intervention"}}}},
              "Intervention": {"type": "object", "properties": {"dueDate": {"type": "string", "format": "date"}}}}}}
            """;

    @Test
    void the_same_document_has_no_break() {
        assertThat(ContractCompatibility.breaks(committed(), committed())).isEmpty();
    }

    @Test
    void additions_are_not_breaks() {
        JsonNode live = change(doc -> {
            object(doc, "/components/schemas/Report/properties").set("setting", JSON.createObjectNode()
                    .put("type", "string"));
            object(doc, "/components/schemas/CaseFile/properties").set("riskLevel", JSON.createObjectNode()
                    .put("type", "string"));
            ((ArrayNode) doc.at("/components/schemas/Report/properties/category/enum")).add("SPECIAL_CIRCUMSTANCES");
            object(doc, "/components/schemas/Report/properties/narrative").put("maxLength", 40000);
            object(doc, "/paths/~1cases/post/responses").set("409", JSON.createObjectNode().put("description", "x"));
            ((ArrayNode) doc.at("/paths/~1cases~1{caseId}/get/parameters")).add(JSON.createObjectNode()
                    .put("name", "minVersion").put("in", "query").put("required", false));
            object(doc, "/paths").set("/org-units", JSON.createObjectNode().set("get", JSON.createObjectNode()));
        });

        assertThat(ContractCompatibility.breaks(committed(), live)).isEmpty();
    }

    @Test
    void a_removed_operation_is_a_break() {
        JsonNode live = change(doc -> object(doc, "/paths").remove("/cases/{caseId}"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "GET /cases/{caseId}: operation removed");
    }

    @Test
    void a_removed_response_field_is_a_break() {
        JsonNode live = change(doc -> object(doc, "/components/schemas/Result/properties").remove("version"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "POST /cases 201.version: field removed");
    }

    @Test
    void a_removed_request_field_is_a_break_since_unknown_fields_are_refused() {
        JsonNode live = change(doc -> object(doc, "/components/schemas/Report/properties").remove("narrative"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "POST /cases body.narrative: field removed");
    }

    @Test
    void a_removed_enum_value_a_client_may_send_is_a_break() {
        JsonNode live = change(doc -> ((ArrayNode) doc.at("/components/schemas/Report/properties/category/enum"))
                .remove(1));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "POST /cases body.category: enum values removed [AT_RISK]");
    }

    @Test
    void a_new_enum_value_in_an_answer_is_a_break() {
        JsonNode live = change(doc -> ((ArrayNode) doc.at("/components/schemas/CaseFile/properties/status/enum"))
                .add("SUSPENDED"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "GET /cases/{caseId} 200.status: may now answer enum values [SUSPENDED]");
    }

    @Test
    void a_changed_type_is_a_break_also_inside_array_items() {
        JsonNode live = change(doc -> {
            object(doc, "/components/schemas/Result/properties/version").put("type", "string").remove("format");
            object(doc, "/components/schemas/Intervention/properties/dueDate").put("format", "date-time");
        });

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactlyInAnyOrder(
                "POST /cases 201.version: type changed from [integer] to [string]",
                "POST /cases 201.version: format changed from int64 to (none)",
                "GET /cases/{caseId} 200.interventions[].dueDate: format changed from date to date-time");
    }

    @Test
    void a_narrowed_bound_on_what_a_client_sends_is_a_break() {
        JsonNode live = change(doc -> {
            object(doc, "/components/schemas/Report/properties/narrative").put("maxLength", 2000);
            object(doc, "/components/schemas/Report/properties/ageYears").put("minimum", 1);
        });

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactlyInAnyOrder(
                "POST /cases body.narrative: maxLength narrowed to 2000",
                "POST /cases body.ageYears: minimum narrowed to 1");
    }

    @Test
    void a_newly_required_request_field_or_parameter_is_a_break() {
        JsonNode live = change(doc -> {
            ((ArrayNode) doc.at("/components/schemas/Report/required")).add("narrative");
            object(doc, "/paths/~1cases/post/parameters/0").put("required", true);
        });

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactlyInAnyOrder(
                "POST /cases body.narrative: newly required request field",
                "POST /cases header parameter Idempotency-Key: newly required parameter");
    }

    @Test
    void a_removed_response_is_a_break() {
        JsonNode live = change(doc -> object(doc, "/paths/~1cases/post/responses").remove("400"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "POST /cases 400: response removed");
    }

    @Test
    void a_response_header_no_longer_answered_is_a_break() {
        JsonNode live = change(doc -> object(doc, "/paths/~1cases/post/responses/201").remove("headers"));

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactly(
                "POST /cases 201 header Location: no longer answered");
    }

    @Test
    void an_answer_that_may_now_be_null_or_be_missing_is_a_break() {
        JsonNode live = change(doc -> {
            object(doc, "/components/schemas/CaseFile/properties/caseId").set("type", JSON.createArrayNode()
                    .add("string").add("null"));
            ((ArrayNode) doc.at("/components/schemas/CaseFile/required")).remove(1);
        });

        assertThat(ContractCompatibility.breaks(committed(), live)).containsExactlyInAnyOrder(
                "GET /cases/{caseId} 200.caseId: may now be null",
                "GET /cases/{caseId} 200.status: no longer always answered (not required)");
    }

    @Test
    void breaks_are_allowed_only_with_a_new_compatibility_line_in_the_version() {
        JsonNode removed = change(doc -> object(doc, "/paths").remove("/cases/{caseId}"));
        assertThat(ContractCompatibility.unallowedBreaks(committed(), removed)).hasSize(1);
        assertThat(ContractCompatibility.unallowedBreaks(committed(), withVersion(removed, "1.3.0"))).hasSize(1);
        assertThat(ContractCompatibility.unallowedBreaks(committed(), withVersion(removed, "2.0.0"))).isEmpty();

        JsonNode zero = withVersion(committed(), "0.1.0-SNAPSHOT");
        assertThat(ContractCompatibility.unallowedBreaks(zero, withVersion(removed, "0.1.1"))).hasSize(1);
        assertThat(ContractCompatibility.unallowedBreaks(zero, withVersion(removed, "0.2.0"))).isEmpty();
    }

    private static JsonNode committed() {
        return JSON.readTree(COMMITTED);
    }

    private static JsonNode change(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) committed();
        change.accept(doc);
        return doc;
    }

    private static JsonNode withVersion(JsonNode document, String version) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        object(copy, "/info").put("version", version);
        return copy;
    }

    private static ObjectNode object(JsonNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }
}
