package vn.childprotection.casetracker.query.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds personal data in a JSON tree. An {@code EncryptedText} serializes as an object with exactly the fields
 * {@code keyId} and {@code cipherText}; whatever the event or document around it looks like, such a node is a sealed
 * value. The history drops them, the case file view opens them when it answers.
 */
public final class SealedValues {

    private SealedValues() {
    }

    public static boolean isSealed(JsonNode node) {
        return node != null && node.isObject() && node.size() == 2 && node.has("keyId") && node.has("cipherText");
    }

    /**
     * Removes every sealed value from the tree, in place: the property holding it, or the array element.
     */
    public static void removeAll(JsonNode tree) {
        replaceAll(tree, sealed -> null);
    }

    /**
     * Replaces every sealed value in the tree, in place, by what {@code replacement} returns for it; a Java
     * {@code null} removes the value.
     */
    public static void replaceAll(JsonNode tree, UnaryOperator<JsonNode> replacement) {
        replaceAll(tree, (path, sealed) -> replacement.apply(sealed));
    }

    /**
     * As {@link #replaceAll(JsonNode, UnaryOperator)}, telling {@code replacement} where each value is: its path
     * from the root, property names joined by dots and array positions in brackets, e.g. {@code child.name} or
     * {@code plan.interventions[0].description}.
     */
    public static void replaceAll(JsonNode tree, BiFunction<String, JsonNode, JsonNode> replacement) {
        replaceAll(tree, "", replacement);
    }

    private static void replaceAll(JsonNode tree, String path, BiFunction<String, JsonNode, JsonNode> replacement) {
        if (tree instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                String at = path.isEmpty() ? name : path + "." + name;
                if (isSealed(value)) {
                    JsonNode replaced = replacement.apply(at, value);
                    if (replaced == null) {
                        object.remove(name);
                    } else {
                        object.set(name, replaced);
                    }
                } else {
                    replaceAll(value, at, replacement);
                }
            }
        } else if (tree instanceof ArrayNode array) {
            List<Integer> removed = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                String at = path + "[" + i + "]";
                if (isSealed(value)) {
                    JsonNode replaced = replacement.apply(at, value);
                    if (replaced == null) {
                        removed.add(i);
                    } else {
                        array.set(i, replaced);
                    }
                } else {
                    replaceAll(value, at, replacement);
                }
            }
            for (int i = removed.size() - 1; i >= 0; i--) {
                array.remove((int) removed.get(i));
            }
        }
    }
}
