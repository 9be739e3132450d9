package vn.childprotection.casetracker.local.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.compatibility.SchemaCompatibility.Direction;

/**
 * Whether the live OpenAPI document would break a client generated from the committed one (OpenAPI 3.0 or 3.1,
 * as JSON). A break is anything such a client relies on that is gone or narrowed: an operation removed; a
 * parameter removed, newly required, or narrowed; a request body newly required, or a media type it sent no
 * longer accepted; a documented response status, response header or media type removed; and, inside any schema reached from these,
 * what {@link SchemaCompatibility} names (types, enums, bounds, fields). Additions are not breaks: new operations,
 * optional parameters and fields, responses, and enum values a client may send.
 * <p>
 * Breaks are allowed only together with a new compatibility line in {@code info.version}: a higher major, or, while
 * the major is 0 (semantic versioning: anything may change), a higher minor.
 */
public final class ContractCompatibility {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private ContractCompatibility() {
    }

    /**
     * @param committed the document clients were generated from (the snapshot)
     * @param live      the document the service publishes now
     * @return every break, each as {@code "<method> <path> <where>: <what>"}; empty when a client of the committed
     *         document keeps working
     */
    public static List<String> breaks(JsonNode committed, JsonNode live) {
        List<String> breaks = new ArrayList<>();
        SchemaCompatibility schemas = new SchemaCompatibility(committed, live, breaks);
        for (Map.Entry<String, JsonNode> path : committed.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode before = path.getValue().get(method);
                if (before == null) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path.getKey();
                JsonNode after = live.path("paths").path(path.getKey()).get(method);
                if (after == null) {
                    breaks.add(operation + ": operation removed");
                    continue;
                }
                compareParameters(operation, before, after, schemas, breaks);
                compareRequestBody(operation, before, after, schemas, breaks);
                compareResponses(operation, before, after, schemas, breaks);
            }
        }
        return breaks;
    }

    /**
     * @return the breaks that are not allowed: all of {@link #breaks}, or none when {@link #versionRaised}
     */
    public static List<String> unallowedBreaks(JsonNode committed, JsonNode live) {
        return versionRaised(committed, live) ? List.of() : breaks(committed, live);
    }

    /**
     * @return whether {@code info.version} of the live document starts a new compatibility line (see above)
     */
    public static boolean versionRaised(JsonNode committed, JsonNode live) {
        long[] before = line(committed.path("info").path("version").asString(""));
        long[] after = line(live.path("info").path("version").asString(""));
        return after[0] > before[0] || after[0] == 0 && before[0] == 0 && after[1] > before[1];
    }

    private static long[] line(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return new long[]{0, 0};
        }
        return new long[]{Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2))};
    }

    private static void compareParameters(String operation, JsonNode before, JsonNode after,
                                          SchemaCompatibility schemas, List<String> breaks) {
        for (JsonNode parameter : after.path("parameters")) {
            JsonNode old = find(before.path("parameters"), parameter);
            if (parameter.path("required").asBoolean(false) && (old == null
                    || !old.path("required").asBoolean(false))) {
                breaks.add(operation + " " + label(parameter) + ": newly required parameter");
            }
        }
        for (JsonNode parameter : before.path("parameters")) {
            JsonNode now = find(after.path("parameters"), parameter);
            if (now == null) {
                breaks.add(operation + " " + label(parameter) + ": parameter removed");
            } else if (parameter.has("schema") && now.has("schema")) {
                schemas.compare(operation + " " + label(parameter), parameter.get("schema"), now.get("schema"),
                        Direction.REQUEST);
            }
        }
    }

    private static void compareRequestBody(String operation, JsonNode before, JsonNode after,
                                           SchemaCompatibility schemas, List<String> breaks) {
        JsonNode oldBody = before.get("requestBody");
        JsonNode newBody = after.get("requestBody");
        if (newBody == null) {
            return;
        }
        boolean required = newBody.path("required").asBoolean(false);
        if (required && (oldBody == null || !oldBody.path("required").asBoolean(false))) {
            breaks.add(operation + " body: newly required");
        }
        if (oldBody == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> media : oldBody.path("content").properties()) {
            JsonNode now = newBody.path("content").get(media.getKey());
            if (now == null) {
                breaks.add(operation + " body " + media.getKey() + ": media type no longer accepted");
            } else if (media.getValue().has("schema") && now.has("schema")) {
                schemas.compare(operation + " body", media.getValue().get("schema"), now.get("schema"),
                        Direction.REQUEST);
            }
        }
    }

    private static void compareResponses(String operation, JsonNode before, JsonNode after,
                                         SchemaCompatibility schemas, List<String> breaks) {
        for (Map.Entry<String, JsonNode> response : before.path("responses").properties()) {
            JsonNode now = after.path("responses").get(response.getKey());
            if (now == null) {
                breaks.add(operation + " " + response.getKey() + ": response removed");
                continue;
            }
            for (String header : response.getValue().path("headers").propertyNames()) {
                if (!hasIgnoringCase(now.path("headers"), header)) {
                    breaks.add(operation + " " + response.getKey() + " header " + header + ": no longer answered");
                }
            }
            for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                JsonNode nowMedia = now.path("content").get(media.getKey());
                if (nowMedia == null) {
                    breaks.add(operation + " " + response.getKey() + " " + media.getKey()
                            + ": media type no longer answered");
                } else if (media.getValue().has("schema") && nowMedia.has("schema")) {
                    schemas.compare(operation + " " + response.getKey(), media.getValue().get("schema"),
                            nowMedia.get("schema"), Direction.RESPONSE);
                }
            }
        }
    }

    private static JsonNode find(JsonNode parameters, JsonNode like) {
        for (JsonNode parameter : parameters) {
            String in = like.path("in").asString("");
            String name = parameter.path("name").asString("");
            if (parameter.path("in").asString("").equals(in) && (in.equals("header")
                    ? name.equalsIgnoreCase(like.path("name").asString("")) : name.equals(like.path("name").asString("")))) {
                return parameter;
            }
        }
        return null;
    }

    private static boolean hasIgnoringCase(JsonNode headers, String name) {
        return headers.propertyNames().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static String label(JsonNode parameter) {
        return parameter.path("in").asString() + " parameter " + parameter.path("name").asString();
    }
}
