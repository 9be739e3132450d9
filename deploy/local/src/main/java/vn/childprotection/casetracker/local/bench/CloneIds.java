package vn.childprotection.casetracker.local.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * What makes one clone of one template: every UUID of the template (case, child, event, schedule, trace ids, and
 * any other, wherever it stands in a payload or metadata, also inside a longer text) maps to one fresh UUID for this
 * clone, the same in all its events; every sealed value ({@link EncryptedText}) is opened with the template's plain
 * text and sealed again under the clone's child key. Everything else (codes, user names, times) stays.
 */
final class CloneIds {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int UUID_LENGTH = 36;

    private final Map<String, String> fresh = new HashMap<>();
    private final Map<String, String> plainTexts;
    private Map<String, SecretKey> keys = Map.of();

    /**
     * @param plainTexts the template's sealed values (cipher text to plain text)
     */
    CloneIds(Map<String, String> plainTexts) {
        this.plainTexts = plainTexts;
    }

    /** The clone's id for a template's id, the same on every call. */
    String id(String templateId) {
        return fresh.computeIfAbsent(templateId.toLowerCase(), t -> UUID.randomUUID().toString());
    }

    /** Fixes the clone's id of a template's id (a schedule id the deadline manager chose). */
    void assign(String templateId, String cloneId) {
        fresh.put(templateId.toLowerCase(), cloneId);
    }

    /** The child keys of this clone, by the clone's key id, created before its values are sealed. */
    void useKeys(Map<String, SecretKey> childKeys) {
        this.keys = childKeys;
    }

    /**
     * Rewrites a parsed payload or metadata document in place.
     *
     * @return the node to keep in place of {@code node} (itself unless it was a text or a sealed value)
     */
    JsonNode rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (isSealed(object)) {
                return seal(object);
            }
            if (object.properties().stream().anyMatch(e -> mayHoldUuid(e.getKey()))) {
                ObjectNode renamed = JsonNodeFactory.instance.objectNode();
                object.properties().forEach(e -> renamed.set(text(e.getKey()), rewrite(e.getValue())));
                return renamed;
            }
            object.properties().forEach(e -> {
                JsonNode value = e.getValue();
                JsonNode rewritten = rewrite(value);
                if (rewritten != value) {
                    e.setValue(rewritten);
                }
            });
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                JsonNode rewritten = rewrite(value);
                if (rewritten != value) {
                    array.set(i, rewritten);
                }
            }
            return array;
        }
        if (node.isString() && mayHoldUuid(node.stringValue())) {
            return JsonNodeFactory.instance.stringNode(text(node.stringValue()));
        }
        return node;
    }

    /** A text with each UUID in it replaced by the clone's. */
    String text(String value) {
        if (!mayHoldUuid(value)) {
            return value;
        }
        if (value.length() == UUID_LENGTH && UUID_TEXT.matcher(value).matches()) {
            return id(value);
        }
        Matcher matcher = UUID_TEXT.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, id(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a JSON object is an {@link EncryptedText}: exactly its two text members. */
    static boolean isSealed(JsonNode object) {
        return object.size() == 2 && object.path("keyId").isString() && object.path("cipherText").isString();
    }

    private ObjectNode seal(ObjectNode sealed) {
        String keyId = id(sealed.get("keyId").stringValue());
        String plainText = plainTexts.get(sealed.get("cipherText").stringValue());
        SecretKey key = keys.get(keyId);
        if (plainText == null || key == null) {
            throw new IllegalStateException("A sealed value of the template has no plain text or no clone key");
        }
        EncryptedText resealed = PersonalDataCipher.seal(keyId, key, plainText);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("keyId", resealed.keyId());
        out.put("cipherText", resealed.cipherText());
        return out;
    }

    private static boolean mayHoldUuid(String value) {
        return value.length() >= UUID_LENGTH && value.indexOf('-') >= 0;
    }
}
