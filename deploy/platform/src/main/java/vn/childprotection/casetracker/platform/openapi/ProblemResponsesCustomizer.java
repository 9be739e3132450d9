package vn.childprotection.casetracker.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes every operation of the document say what it really answers, whichever controller declares it:
 * <ul>
 *   <li>each error status that can happen to it, as {@code application/problem+json} with the {@code Problem}
 *   schema ({@link ProblemSchemas}): 401 and 503 (the database) on every operation of {@code /api/};
 *   403 (role and reach, cần biết) on every one but the reference data any signed-in user reads; 406 on
 *   every one; 400 when it takes a parameter or a body; 404 when its path names a resource; 409 on every write;
 *   413 and 415 when it takes a body;</li>
 *   <li>the success media type first in each 2xx answer (a generated client sends the first as
 *   {@code Accept}), never an error type; CSV and XLSX as binary strings;</li>
 *   <li>the {@code ETag} header (the case's new version) on each 2xx answer of a case command.</li>
 * </ul>
 * A description an operation declares itself for an error status is kept.
 */
@Component
public class ProblemResponsesCustomizer implements OpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Reference data readable by any signed-in role: no 403 is possible there. */
    private static final Set<String> OPEN_TO_EVERY_ROLE = Set.of("/api/v1/org-units", "/api/v1/working-calendar",
            "/api/v1/indicators/definitions");

    /** Files: their answers are bytes, whatever schema a controller declared. */
    private static final Set<String> FILE_TYPES = Set.of("text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final Map<String, String> DEFAULT_DESCRIPTIONS = Map.of(
            "400", "Malformed input: `errors` lists each field (or parameter, or header) and its problem",
            "401", "Not signed in, or the credentials are not valid",
            "403", "Not allowed for this role, or outside its reach (`rule`); nothing of the resource is shown",
            "404", "Nothing with this identifier (or not in the caller's reach)",
            "406", "The `Accept` header names no media type this operation answers",
            "409", "Refused by a rule (`rule`), e.g. a step the procedure does not allow now, or a stale "
                    + "`If-Match` (`version-conflict`, with `currentVersion`)",
            "413", "The request body is larger than `casetracker.http.max-body-bytes` (256 KiB by default)",
            "415", "The body is not `application/json`",
            "503", "The database is unreachable, a read of one's own write timed out, or the service is stopping; "
                    + "retry after `Retry-After` seconds");

    @Override
    public void customise(OpenAPI openApi) {
        ProblemSchemas.all().forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> customise(path, method, operation)));
    }

    private void customise(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        boolean parameters = body || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (path.startsWith("/api/")) {
            error(responses, "401");
            error(responses, "503");
            if (write || !OPEN_TO_EVERY_ROLE.contains(path)) {
                error(responses, "403");
            }
        }
        error(responses, "406");
        if (parameters) {
            error(responses, "400");
        }
        if (path.contains("{")) {
            error(responses, "404");
        }
        if (write) {
            error(responses, "409");
        }
        if (body) {
            error(responses, "413");
            error(responses, "415");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(ProblemSchemas.REF))));
            } else if (status.startsWith("2")) {
                successFirst(response);
                if (write && path.startsWith("/api/v1/cases") && returnsCommandResult(response)) {
                    header(response, "ETag", "The case's new version, quoted (`\"7\"`): send it back as `If-Match`");
                }
            }
        });
    }

    private static void error(ApiResponses responses, String status) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            responses.addApiResponse(status, new ApiResponse().description(DEFAULT_DESCRIPTIONS.get(status)));
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DEFAULT_DESCRIPTIONS.get(status));
        }
    }

    /** The success types in their declared order, without any error type; files as binary strings. */
    private static void successFirst(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        Map<String, MediaType> kept = new LinkedHashMap<>();
        response.getContent().forEach((type, media) -> {
            if (FILE_TYPES.contains(type)) {
                kept.put(type, media.schema(new StringSchema().format("binary")));
            } else if (!type.equals(PROBLEM_JSON)) {
                kept.put(type, media);
            }
        });
        Content content = new Content();
        content.putAll(kept);
        response.setContent(content);
    }

    private static boolean returnsCommandResult(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .anyMatch(m -> m.getSchema() != null && m.getSchema().get$ref() != null
                        && m.getSchema().get$ref().endsWith("/CommandResult"));
    }

    private static void header(ApiResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(new StringSchema()));
        }
    }
}
