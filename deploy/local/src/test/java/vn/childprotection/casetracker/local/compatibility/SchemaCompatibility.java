package vn.childprotection.casetracker.local.compatibility;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares one schema of the committed document with its counterpart in the live one, in the direction the data
 * flows, and names every change that a client generated from the committed one would not survive.
 * <ul>
 *     <li>{@link Direction#REQUEST} (the client sends, the service must still accept all it accepted): a type
 *     changed or no longer nullable, an enum value removed (or an enum imposed), a bound narrowed (length, range,
 *     items, pattern, format), a field removed (the service refuses unknown fields) or newly required.</li>
 *     <li>{@link Direction#RESPONSE} (the service sends, the client must still read it): a type changed or newly
 *     nullable, an enum value added, a field removed or no longer required.</li>
 * </ul>
 * {@code $ref}s are followed in each document; a pair of schemas already compared is not compared again, so
 * recursive schemas end.
 */
final class SchemaCompatibility {

    enum Direction { REQUEST, RESPONSE }

    private final JsonNode oldSchemas;
    private final JsonNode newSchemas;
    private final List<String> breaks;
    private final Set<String> compared = new HashSet<>();

    SchemaCompatibility(JsonNode oldDocument, JsonNode newDocument, List<String> breaks) {
        this.oldSchemas = oldDocument.path("components").path("schemas");
        this.newSchemas = newDocument.path("components").path("schemas");
        this.breaks = breaks;
    }

    void compare(String where, JsonNode oldSchema, JsonNode newSchema, Direction direction) {
        String pair = direction + " " + ref(oldSchema) + " " + ref(newSchema);
        if (ref(oldSchema) != null && !compared.add(pair)) {
            return;
        }
        JsonNode before = resolve(oldSchema, oldSchemas);
        JsonNode after = resolve(newSchema, newSchemas);
        if (after.isMissingNode()) {
            breaks.add(where + ": schema " + ref(newSchema) + " is missing");
            return;
        }
        compareTypes(where, before, after, direction);
        compareEnums(where, before, after, direction);
        if (direction == Direction.REQUEST) {
            compareBounds(where, before, after);
        }
        compareProperties(where, before, after, direction);
        if (before.has("items") && after.has("items")) {
            compare(where + "[]", before.get("items"), after.get("items"), direction);
        }
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            compareComposition(where, key, before, after, direction);
        }
    }

    private void compareTypes(String where, JsonNode before, JsonNode after, Direction direction) {
        Set<String> oldTypes = types(before);
        Set<String> newTypes = types(after);
        if (oldTypes.isEmpty() || newTypes.isEmpty()) {
            if (!oldTypes.equals(newTypes) && !oldTypes.isEmpty()) {
                breaks.add(where + ": type " + oldTypes + " is no longer declared");
            }
            return;
        }
        Set<String> oldValues = new LinkedHashSet<>(oldTypes);
        Set<String> newValues = new LinkedHashSet<>(newTypes);
        oldValues.remove("null");
        newValues.remove("null");
        if (!oldValues.equals(newValues) && !(oldValues.equals(Set.of("integer")) && newValues.equals(Set.of("number"))
                && direction == Direction.REQUEST)) {
            breaks.add(where + ": type changed from " + oldValues + " to " + newValues);
        }
        if (direction == Direction.REQUEST && nullable(before, oldTypes) && !nullable(after, newTypes)) {
            breaks.add(where + ": no longer accepts null");
        }
        if (direction == Direction.RESPONSE && !nullable(before, oldTypes) && nullable(after, newTypes)) {
            breaks.add(where + ": may now be null");
        }
        String oldFormat = before.path("format").asString("");
        String newFormat = after.path("format").asString("");
        if (!oldFormat.equals(newFormat) && (!oldFormat.isEmpty() || direction == Direction.REQUEST)) {
            breaks.add(where + ": format changed from " + (oldFormat.isEmpty() ? "(none)" : oldFormat) + " to "
                    + (newFormat.isEmpty() ? "(none)" : newFormat));
        }
    }

    private void compareEnums(String where, JsonNode before, JsonNode after, Direction direction) {
        Set<String> oldEnum = values(before.get("enum"));
        Set<String> newEnum = values(after.get("enum"));
        if (direction == Direction.REQUEST) {
            if (newEnum != null && oldEnum == null) {
                breaks.add(where + ": now restricted to the values " + newEnum);
            } else if (newEnum != null) {
                Set<String> removed = new LinkedHashSet<>(oldEnum);
                removed.removeAll(newEnum);
                if (!removed.isEmpty()) {
                    breaks.add(where + ": enum values removed " + removed);
                }
            }
        } else if (oldEnum != null) {
            Set<String> added = new LinkedHashSet<>(newEnum == null ? Set.of("(any value)") : newEnum);
            added.removeAll(oldEnum);
            if (!added.isEmpty()) {
                breaks.add(where + ": may now answer enum values " + added);
            }
        }
    }

    private void compareBounds(String where, JsonNode before, JsonNode after) {
        narrowedIfLower(where, "maxLength", before, after);
        narrowedIfLower(where, "maximum", before, after);
        narrowedIfLower(where, "maxItems", before, after);
        narrowedIfHigher(where, "minLength", before, after);
        narrowedIfHigher(where, "minimum", before, after);
        narrowedIfHigher(where, "minItems", before, after);
        if (after.has("pattern") && !after.get("pattern").equals(before.get("pattern"))) {
            breaks.add(where + ": pattern changed to " + after.get("pattern").asString());
        }
    }

    private void narrowedIfLower(String where, String bound, JsonNode before, JsonNode after) {
        if (after.has(bound) && (!before.has(bound) || after.get(bound).decimalValue()
                .compareTo(before.get(bound).decimalValue()) < 0)) {
            breaks.add(where + ": " + bound + " narrowed to " + after.get(bound));
        }
    }

    private void narrowedIfHigher(String where, String bound, JsonNode before, JsonNode after) {
        if (after.has(bound) && (!before.has(bound) || after.get(bound).decimalValue()
                .compareTo(before.get(bound).decimalValue()) > 0)) {
            breaks.add(where + ": " + bound + " narrowed to " + after.get(bound));
        }
    }

    private void compareProperties(String where, JsonNode before, JsonNode after, Direction direction) {
        Set<String> oldRequired = values(before.get("required"));
        Set<String> newRequired = values(after.get("required"));
        oldRequired = oldRequired == null ? Set.of() : oldRequired;
        newRequired = newRequired == null ? Set.of() : newRequired;
        JsonNode oldProperties = before.path("properties");
        JsonNode newProperties = after.path("properties");
        for (String name : oldProperties.propertyNames()) {
            if (!newProperties.has(name)) {
                breaks.add(where + "." + name + ": field removed");
                continue;
            }
            if (direction == Direction.RESPONSE && oldRequired.contains(name) && !newRequired.contains(name)) {
                breaks.add(where + "." + name + ": no longer always answered (not required)");
            }
            compare(where + "." + name, oldProperties.get(name), newProperties.get(name), direction);
        }
        if (direction == Direction.REQUEST) {
            for (String name : newRequired) {
                if (!oldRequired.contains(name)) {
                    breaks.add(where + "." + name + ": newly required request field");
                }
            }
        }
    }

    private void compareComposition(String where, String key, JsonNode before, JsonNode after, Direction direction) {
        if (!before.has(key)) {
            return;
        }
        Set<String> oldMembers = members(before.get(key));
        Set<String> newMembers = members(after.get(key));
        Set<String> lost = new LinkedHashSet<>(oldMembers);
        lost.removeAll(newMembers);
        Set<String> gained = new LinkedHashSet<>(newMembers);
        gained.removeAll(oldMembers);
        if (!lost.isEmpty()) {
            breaks.add(where + ": " + key + " no longer has " + lost);
        }
        if (direction == Direction.RESPONSE && !key.equals("allOf") && !gained.isEmpty()) {
            breaks.add(where + ": " + key + " may now answer " + gained);
        }
        for (JsonNode member : before.get(key)) {
            for (JsonNode counterpart : after.get(key)) {
                if (ref(member) != null && ref(member).equals(ref(counterpart))) {
                    compare(where + "(" + ref(member) + ")", member, counterpart, direction);
                }
            }
        }
    }

    private static Set<String> members(JsonNode list) {
        Set<String> members = new LinkedHashSet<>();
        if (list != null) {
            for (JsonNode member : list) {
                members.add(ref(member) != null ? ref(member) : member.toString());
            }
        }
        return members;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = ref(schema);
        return ref == null ? schema : schemas.path(ref);
    }

    private static String ref(JsonNode schema) {
        return schema != null && schema.has("$ref")
                ? schema.get("$ref").asString().substring(schema.get("$ref").asString().lastIndexOf('/') + 1) : null;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = values(schema.get("type"));
        return types == null ? Set.of() : types;
    }

    private static boolean nullable(JsonNode schema, Set<String> types) {
        return types.contains("null") || schema.path("nullable").asBoolean(false);
    }

    private static Set<String> values(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }
}
