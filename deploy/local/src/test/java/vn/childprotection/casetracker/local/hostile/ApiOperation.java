package vn.childprotection.casetracker.local.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document (path and method), with what the hostile-input test needs of it.
 *
 * @param method     {@code GET}, {@code POST} or {@code PUT}
 * @param path       the path template, e.g. {@code /api/v1/cases/{caseId}/plan}
 * @param parameters its path, query and header parameters, schemas resolved
 * @param body       the request body's schema ({@code $ref}s resolved), or null when it takes none
 * @param fields     every field of the body, nested objects and the first item of arrays of objects included
 */
record ApiOperation(String method, String path, List<Parameter> parameters, JsonNode body, List<Field> fields) {

    /** A path, query or header parameter. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * A field of a request body.
     *
     * @param path     keys and array indexes from the body's root, e.g. {@code [interventions, 0, dueDate]}
     * @param schema   its schema, {@code $ref} resolved
     * @param required listed in its parent's {@code required}
     */
    record Field(List<Object> path, JsonNode schema, boolean required) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer i) {
                    name.append('[').append(i).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.toString();
        }

        String key() {
            return (String) path.get(path.size() - 1);
        }

        boolean nullable() {
            return Schemas.types(schema).contains("null");
        }
    }

    /** {@code POST /api/v1/cases/{caseId}/plan}. */
    String label() {
        return method + " " + path;
    }

    boolean hasParameter(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    /** Reads every operation of the document, in its order. */
    static List<ApiOperation> read(JsonNode document) {
        JsonNode components = document.get("components").get("schemas");
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                List<Parameter> parameters = new ArrayList<>();
                JsonNode declared = op.getValue().get("parameters");
                if (declared != null) {
                    for (JsonNode p : declared) {
                        parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
                                p.has("required") && p.get("required").asBoolean(),
                                Schemas.resolve(p.get("schema"), components)));
                    }
                }
                JsonNode body = null;
                List<Field> fields = new ArrayList<>();
                JsonNode requestBody = op.getValue().get("requestBody");
                if (requestBody != null) {
                    body = Schemas.resolve(requestBody.get("content").get("application/json").get("schema"),
                            components);
                    collect(body, new ArrayList<>(), components, fields);
                }
                operations.add(new ApiOperation(op.getKey().toUpperCase(), path.getKey(), parameters, body,
                        fields));
            }
        }
        return operations;
    }

    private static void collect(JsonNode object, List<Object> prefix, JsonNode components, List<Field> out) {
        JsonNode properties = object.get("properties");
        if (properties == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        if (object.has("required")) {
            object.get("required").forEach(r -> required.add(r.asString()));
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            JsonNode schema = Schemas.resolve(property.getValue(), components);
            out.add(new Field(List.copyOf(path), schema, required.contains(property.getKey())));
            if (schema.has("properties")) {
                collect(schema, path, components, out);
            } else if (schema.has("items") && schema.get("items").has("properties")) {
                path.add(0);
                collect(schema.get("items"), path, components, out);
            }
        }
    }
}
