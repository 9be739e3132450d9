package vn.childprotection.casetracker.platform.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of every error answer, {@code application/problem+json} (RFC 9457), with the extension members the
 * service sets: {@code rule}, {@code errors}, {@code parties}, {@code successors}/{@code predecessors} and the
 * others below. Published under {@code components.schemas} as {@value #PROBLEM}.
 */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String REF = "#/components/schemas/" + PROBLEM;

    private ProblemSchemas() {
    }

    /**
     * @return the schemas to add to {@code components.schemas}, by name
     */
    static Map<String, Schema<?>> all() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put("ProblemFieldError", new ObjectSchema()
                .description("One problem with one field of the request; never echoes the value sent")
                .addProperty("field", new StringSchema().description("The field, e.g. `child.ageYears`, "
                        + "`interventions[0].dueDate`, a parameter or a header name").example("child.ageYears"))
                .addProperty("problem", new StringSchema().description("What is wrong with it")
                        .example("must be between 0 and 15"))
                .required(List.of("field", "problem")));
        schemas.put("ProblemParty", new ObjectSchema()
                .description("A party whose consent to disclosure is missing, refused or withdrawn (sự đồng ý)")
                .addProperty("party", new StringSchema()._enum(List.of("CHILD", "GUARDIAN")))
                .addProperty("status", new StringSchema()._enum(List.of("MISSING", "REFUSED", "WITHDRAWN")))
                .required(List.of("party", "status")));
        schemas.put("ProblemOrgUnit", new ObjectSchema()
                .description("An org unit to name instead of one that did not exist on the day of the step")
                .addProperty("code", new StringSchema().example("31-xa-an-lao"))
                .addProperty("nameVi", new StringSchema().example("Xã An Lão"))
                .addProperty("nameEn", new StringSchema())
                .addProperty("validFrom", new StringSchema().format("date"))
                .required(List.of("code", "nameVi")));
        schemas.put(PROBLEM, problem());
        return schemas;
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An error (RFC 9457 problem details). Nothing was recorded. Members beyond the five "
                        + "of RFC 9457 appear only where they apply.")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank")
                        .description("Always `about:blank`: the `status` and `rule` say what happened"))
                .addProperty("title", new StringSchema().example("Not allowed by the procedure"))
                .addProperty("status", new IntegerSchema().format("int32").example(409))
                .addProperty("detail", new StringSchema().description("What happened, for a person to read")
                        .example("The plan must be approved before interventions change status."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request (for a 403, the path pattern, never the case)")
                        .example("/api/v1/cases/{caseId}/closure"))
                .addProperty("rule", new StringSchema().description("The stable code of the rule that refused "
                        + "the request (403, 409), e.g. `role-not-allowed`, `version-conflict`, "
                        + "`idempotency-key-reused`, `consent-required`, `org-unit-not-valid`, "
                        + "`working-calendar-missing`").example("version-conflict"))
                .addProperty("errors", new ArraySchema().items(ref("ProblemFieldError"))
                        .description("400: each field and its problem"))
                .addProperty("parties", new ArraySchema().items(ref("ProblemParty"))
                        .description("409 `consent-required`: the parties whose consent is missing"))
                .addProperty("successors", new ArraySchema().items(ref("ProblemOrgUnit"))
                        .description("409 `org-unit-not-valid`: the units that took over one that had ended"))
                .addProperty("predecessors", new ArraySchema().items(ref("ProblemOrgUnit"))
                        .description("409 `org-unit-not-valid`: the units before one that had not begun"))
                .addProperty("orgUnit", new StringSchema()
                        .description("409 `org-unit-not-valid`: the unit named"))
                .addProperty("day", new StringSchema().format("date")
                        .description("409 `org-unit-not-valid`: the Vietnam day of the step"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("409 `version-conflict`: the case's version now"))
                .addProperty("year", new IntegerSchema().format("int32")
                        .description("409 `working-calendar-missing`: the year without calendar data"))
                .required(List.of("type", "title", "status"));
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
