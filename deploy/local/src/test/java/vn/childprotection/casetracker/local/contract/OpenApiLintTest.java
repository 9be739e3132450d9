package vn.childprotection.casetracker.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract lint: the committed {@code docs/openapi.json} (which {@link OpenApiSnapshotTest} keeps equal to the
 * live document) passes the OpenAPI validator of {@code swagger-parser} with no message, and the project's own
 * rules, listed here (this Javadoc is the rule set):
 * <ol>
 *   <li><b>operation-id</b>: every operation has an {@code operationId}, unique in the document;</li>
 *   <li><b>tag</b>: every operation has a tag, named in English (ASCII; Vietnamese goes in the tag's
 *   description), declared under {@code tags} with a description;</li>
 *   <li><b>success</b>: every operation has a 2xx answer with content, or a 204;</li>
 *   <li><b>success-first</b>: no 2xx answer lists an error media type, so the first type of its content (what a
 *   generated client sends as {@code Accept}) is the success type;</li>
 *   <li><b>problem</b>: every 4xx and 5xx answer is {@code application/problem+json} with the {@code Problem}
 *   schema, and every operation documents 401 (under {@code /api/}), 406 and, with parameters or a body, 400;</li>
 *   <li><b>files</b>: CSV and XLSX content is {@code type: string, format: binary};</li>
 *   <li><b>request-body</b>: every request body is required, {@code application/json}, a named schema that lists
 *   its required fields; its example (the body's own, else the one built from its fields' examples, as Swagger
 *   UI does) validates against the schema ({@link ExampleValidator}), down to nested objects;</li>
 *   <li><b>closed-sets</b>: a text field whose description lists codes ({@code A, B or C}) has an {@code enum}.</li>
 * </ol>
 */
class OpenApiLintTest {

    private static final Pattern ENGLISH_TAG = Pattern.compile("[A-Za-z][A-Za-z -]*");
    private static final Pattern LISTED_CODES = Pattern.compile("\\b[A-Z][A-Z_]{2,}(, [A-Z][A-Z_]{2,})+,? or "
            + "[A-Z][A-Z_]{2,}\\b");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> FILE_TYPES = List.of("text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static OpenAPI document;
    private static List<String> validatorMessages;

    @BeforeAll
    static void parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(
                Files.readString(OpenApiSnapshotTest.SNAPSHOT, StandardCharsets.UTF_8), null, options);
        document = result.getOpenAPI();
        validatorMessages = result.getMessages() == null ? List.of() : result.getMessages();
    }

    @Test
    void the_document_passes_the_openapi_validator_with_no_message() {
        assertThat(document).isNotNull();
        assertThat(validatorMessages).isEmpty();
    }

    @Test
    void every_operation_has_a_unique_id_and_an_english_tag_that_is_declared() {
        Map<String, String> ids = new HashMap<>();
        List<String> faults = new ArrayList<>();
        List<String> declared = document.getTags().stream().map(t -> t.getName()).toList();
        document.getTags().forEach(t -> {
            if (t.getDescription() == null || t.getDescription().isBlank()) {
                faults.add("tag " + t.getName() + " has no description");
            }
        });
        each((where, op) -> {
            if (op.getOperationId() == null) {
                faults.add(where + ": no operationId");
            } else if (ids.put(op.getOperationId(), where) != null) {
                faults.add(where + ": operationId " + op.getOperationId() + " also used by "
                        + ids.get(op.getOperationId()));
            }
            if (op.getTags() == null || op.getTags().isEmpty()) {
                faults.add(where + ": no tag");
            } else {
                op.getTags().stream().filter(t -> !ENGLISH_TAG.matcher(t).matches() || !declared.contains(t))
                        .forEach(t -> faults.add(where + ": tag '" + t + "' not English or not declared"));
            }
        });
        assertThat(ids).hasSizeGreaterThan(40);
        assertThat(faults).isEmpty();
    }

    @Test
    void every_operation_answers_success_first_and_every_error_as_problem_json() {
        List<String> faults = new ArrayList<>();
        each((where, op) -> {
            Map<String, ApiResponse> responses = op.getResponses();
            boolean success = responses.entrySet().stream().anyMatch(r -> r.getKey().equals("204")
                    || r.getKey().startsWith("2") && r.getValue().getContent() != null
                    && !r.getValue().getContent().isEmpty());
            if (!success) {
                faults.add(where + ": no 2xx answer with content, nor a 204");
            }
            List<String> needed = new ArrayList<>(List.of("406"));
            if (where.contains(" /api/")) {
                needed.add("401");
            }
            if (op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty()) {
                needed.add("400");
            }
            needed.stream().filter(s -> !responses.containsKey(s))
                    .forEach(s -> faults.add(where + ": documents no " + s));
            responses.forEach((status, response) -> {
                Map<String, MediaType> content = response.getContent() == null ? Map.of() : response.getContent();
                if (status.startsWith("4") || status.startsWith("5")) {
                    MediaType problem = content.get(PROBLEM_JSON);
                    if (content.size() != 1 || problem == null || problem.getSchema() == null
                            || !"#/components/schemas/Problem".equals(problem.getSchema().get$ref())) {
                        faults.add(where + " " + status + ": not application/problem+json with Problem");
                    }
                } else if (status.startsWith("2")) {
                    if (content.containsKey(PROBLEM_JSON)) {
                        faults.add(where + " " + status + ": lists an error media type");
                    }
                    content.forEach((type, media) -> {
                        if (FILE_TYPES.contains(type) && (media.getSchema() == null
                                || !"string".equals(ExampleValidator.type(media.getSchema()))
                                || !"binary".equals(media.getSchema().getFormat()))) {
                            faults.add(where + " " + status + " " + type + ": not a binary string");
                        }
                    });
                }
            });
        });
        assertThat(faults).isEmpty();
        assertThat(document.getComponents().getSchemas().get("Problem").getProperties()).containsKeys("type",
                "title", "status", "detail", "instance", "rule", "errors", "parties", "successors", "predecessors");
    }

    @Test
    void every_request_body_is_a_required_json_schema_whose_example_validates_against_it() {
        List<String> faults = new ArrayList<>();
        ExampleValidator validator = new ExampleValidator(document.getComponents().getSchemas());
        each((where, op) -> {
            if (op.getRequestBody() == null) {
                return;
            }
            if (!Boolean.TRUE.equals(op.getRequestBody().getRequired())) {
                faults.add(where + ": request body not required");
            }
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json == null || json.getSchema() == null || json.getSchema().get$ref() == null) {
                faults.add(where + ": request body is not a named application/json schema");
                return;
            }
            Schema<?> schema = validator.resolve(json.getSchema());
            if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
                faults.add(where + ": request schema lists no required field");
            }
            Object example = validator.example(json);
            validator.validate(example, json.getSchema(), where + " example", faults);
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void every_text_field_that_lists_its_codes_declares_them_as_an_enum() {
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Schema> named : document.getComponents().getSchemas().entrySet()) {
            Map<String, Schema> properties = named.getValue().getProperties();
            if (properties == null) {
                continue;
            }
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                Schema<?> p = property.getValue();
                Schema<?> field = p.getItems() != null ? p.getItems() : p;
                String description = p.getDescription() == null ? "" : p.getDescription();
                if ("string".equals(ExampleValidator.type(field)) && field.getEnum() == null
                        && LISTED_CODES.matcher(description).find()) {
                    faults.add(named.getKey() + "." + property.getKey() + ": lists codes but has no enum");
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    private static void each(OperationVisitor visitor) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> visitor.visit(method + " " + path, op)));
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String where, Operation operation);
    }
}
