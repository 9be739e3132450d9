package vn.childprotection.casetracker.local.swaggerui;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Swagger UI's "Try it out" fills in for an operation of the OpenAPI document, before the user changes
 * anything: the request body and the parameters it pre-fills. Its rules, in order (swagger-ui 5,
 * {@code ParameterRow.setDefaultValue} and {@code sampleFromSchema}): a media type's {@code example} or first of
 * its {@code examples}; else the schema's own {@code example}; else an object of every property's sample
 * (optional ones included), an array of one sample item, an enum's first value, the default, or a placeholder
 * of the type. A parameter gets its {@code example}, else its schema's {@code example} or {@code default}.
 */
final class TryItOut {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;

    TryItOut(JsonNode document) {
        this.document = document;
    }

    /**
     * @return the body Swagger UI proposes for {@code method path}, as JSON
     * @throws IllegalArgumentException when the operation takes no JSON body
     */
    JsonNode body(String method, String path) {
        JsonNode content = operation(method, path).path("requestBody").path("content").path("application/json");
        if (content.isMissingNode()) {
            throw new IllegalArgumentException(method + " " + path + " takes no JSON body");
        }
        if (content.has("example")) {
            return content.get("example");
        }
        if (content.has("examples")) {
            return content.get("examples").values().iterator().next().get("value");
        }
        return sample(content.get("schema"));
    }

    /**
     * @param in where the parameters go: {@code path}, {@code query} or {@code header}
     * @return the values Swagger UI pre-fills there, by parameter name
     */
    Map<String, String> prefilled(String method, String path, String in) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : operation(method, path).path("parameters")) {
            if (!in.equals(parameter.path("in").asString())) {
                continue;
            }
            JsonNode value = parameter.has("example") ? parameter.get("example")
                    : parameter.path("schema").has("example") ? parameter.get("schema").get("example")
                    : parameter.path("schema").get("default");
            if (value != null && !value.isNull()) {
                values.put(parameter.get("name").asString(), value.isString() ? value.asString() : value.toString());
            }
        }
        return values;
    }

    JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method);
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("the document has no operation " + method + " " + path);
        }
        return operation;
    }

    private JsonNode sample(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return sample(document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            String key = schema.has("allOf") ? "allOf" : schema.has("oneOf") ? "oneOf" : "anyOf";
            return sample(schema.get(key).get(0));
        }
        String type = type(schema);
        if ("object".equals(type) || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            schema.path("properties").properties().forEach(p -> {
                if (!p.getValue().path("readOnly").asBoolean(false)) {
                    object.set(p.getKey(), sample(p.getValue()));
                }
            });
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(schema.get("items")));
            return array;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        return switch (type == null ? "string" : type) {
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode("string");
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
            return null;
        }
        return type.asString();
    }
}
