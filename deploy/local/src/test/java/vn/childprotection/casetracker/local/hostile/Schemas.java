package vn.childprotection.casetracker.local.hostile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the test reads from OpenAPI schemas: the kind of a value and a valid value built from the schema's
 * {@code example}, {@code enum} and {@code format}.
 */
final class Schemas {

    /** The kinds of value the input gate checks, one rule set each. */
    enum Kind { TEXT, ENUM, INSTANT, DATE, INTEGER, BOOLEAN, ARRAY, OBJECT }

    /**
     * Fields left out of the valid request because they contradict a field the examples fill in (an exact birth
     * date beside an age, a reporter's identity without consent) or name something that must exist first (a known
     * child, the case a duplicate repeats); a mutation of one of them adds it.
     */
    static final Set<String> NOT_IN_BASE = Set.of("birthDate", "identity", "childId", "duplicateOfCaseId");

    private Schemas() {
    }

    /** The schema with every {@code $ref} replaced by the component it names, recursively. */
    static JsonNode resolve(JsonNode schema, JsonNode components) {
        if (schema == null) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return resolve(components.get(ref.substring(ref.lastIndexOf('/') + 1)), components);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (copy.has("items")) {
            copy.set("items", resolve(copy.get("items"), components));
        }
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            for (String name : new ArrayList<>(properties.propertyNames())) {
                properties.set(name, resolve(properties.get(name), components));
            }
        }
        return copy;
    }

    /** The {@code type} of a schema as a set ({@code ["integer", "null"]} for a nullable integer). */
    static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (type != null) {
            types.add(type.asString());
        }
        if (types.isEmpty() && schema.has("properties")) {
            types.add("object");
        }
        return types;
    }

    static Kind kind(JsonNode schema) {
        Set<String> types = types(schema);
        if (schema.has("enum")) {
            return Kind.ENUM;
        }
        if (types.contains("string")) {
            String format = schema.has("format") ? schema.get("format").asString() : "";
            return switch (format) {
                case "date-time" -> Kind.INSTANT;
                case "date" -> Kind.DATE;
                default -> Kind.TEXT;
            };
        }
        if (types.contains("integer") || types.contains("number")) {
            return Kind.INTEGER;
        }
        if (types.contains("boolean")) {
            return Kind.BOOLEAN;
        }
        if (types.contains("array")) {
            return Kind.ARRAY;
        }
        return Kind.OBJECT;
    }

    static Integer intAttribute(JsonNode schema, String name) {
        return schema.has(name) ? schema.get(name).asInt() : null;
    }

    /**
     * A valid body for an object schema: every required field, and every optional one that has an example, except
     * instants (left out: they then mean "now", which is valid whatever state the case is in) and
     * {@link #NOT_IN_BASE}. Dates that a rule ties to today (due dates, a removal's days) are set from
     * {@code today} in Vietnam.
     */
    static Map<String, Object> validObject(JsonNode schema, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        if (schema.has("required")) {
            schema.get("required").forEach(r -> required.add(r.asString()));
        }
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            String key = property.getKey();
            JsonNode p = property.getValue();
            boolean wanted = required.contains(key) || p.has("example") || kind(p) == Kind.OBJECT
                    || kind(p) == Kind.ARRAY;
            if (!required.contains(key) && (kind(p) == Kind.INSTANT || NOT_IN_BASE.contains(key)) || !wanted) {
                continue;
            }
            body.put(key, validValue(p, key, today));
        }
        return body;
    }

    /** A valid value of one field (see {@link #validObject}). */
    static Object validValue(JsonNode schema, String key, LocalDate today) {
        Kind kind = kind(schema);
        switch (kind) {
            case OBJECT:
                return validObject(schema, today);
            case ARRAY:
                if (schema.has("example")) {
                    return toJava(schema.get("example"));
                }
                JsonNode items = schema.get("items");
                return new ArrayList<>(List.of(validValue(items, key, today)));
            case DATE:
                switch (key) {
                    case "dueDate":
                        return today.plusDays(20).toString();
                    case "startDate":
                        return today.toString();
                    case "endDate":
                        return today.plusDays(7).toString();
                    default:
                        break;
                }
                break;
            default:
                break;
        }
        if (schema.has("example")) {
            return toJava(schema.get("example"));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (kind) {
            case INTEGER -> 1;
            case BOOLEAN -> false;
            default -> "Nguyễn Thị Mẫu";
        };
    }

    static Object toJava(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toJava(n)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        return null;
    }
}
