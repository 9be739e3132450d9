package vn.childprotection.casetracker.local.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.hostile.ApiOperation.Field;
import vn.childprotection.casetracker.local.hostile.ApiOperation.Parameter;
import vn.childprotection.casetracker.local.hostile.Mutation.Variant;
import vn.childprotection.casetracker.local.hostile.Schemas.Kind;

/**
 * Mutations of a request as a whole: the JSON text (duplicate keys, unknown fields, not an object, trailing
 * content), its bytes (invalid and overlong UTF-8), its declared charset and content type, its headers, and its
 * path and query parameters ({@code %2F}, {@code %2e%2e}, {@code %00}, malformed and unbounded dates, a future
 * {@code asOf}, numbers and booleans that need coercion).
 */
final class RequestMutations {

    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    private static final byte[][] OVERLONG_UTF8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xC1, (byte) 0x81}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80,
            (byte) 0xAF}};
    private static final String[] CONTENT_TYPES = {"text/plain", "*/*", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/*"};

    private RequestMutations() {
    }

    static List<Mutation> of(ApiOperation op) {
        List<Mutation> out = new ArrayList<>();
        if (op.body() != null) {
            body(out, op);
            encoding(out, op);
        }
        if (op.hasParameter("If-Match")) {
            out.add(new Mutation(op, "header:if-match-malformed", "header If-Match", (d, v) -> d.headers.put(
                    "If-Match", v.pick(new String[]{"abc", "\"1.5\"", "\"-1\"", "\"99999999999999999999\"", "W/\"x\""}))));
        }
        if (op.hasParameter("Idempotency-Key")) {
            out.add(new Mutation(op, "header:idempotency-key-over-maximum", "header Idempotency-Key",
                    (d, v) -> d.headers.put("Idempotency-Key", "k".repeat(256 + Math.floorMod(v.extra(), 100)))));
        }
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                path(out, op, p);
            } else if (p.in().equals("query")) {
                query(out, op, p);
            }
        }
        return out;
    }

    private static void body(List<Mutation> out, ApiOperation op) {
        text(out, op, "json:duplicate-key", (d, v) -> {
            String text = JsonText.write(d.body);
            String key = op.body().get("required").get(Math.floorMod(v.extra(), op.body().get("required").size()))
                    .asString();
            Object value = ((Map<?, ?>) d.body).get(key);
            return text.substring(0, text.length() - 1) + ",\"" + key + "\":" + JsonText.write(value) + "}";
        });
        text(out, op, "json:unknown-field", (d, v) -> {
            String text = JsonText.write(d.body);
            return text.substring(0, text.length() - 1) + ",\"khongCoTruongNay\":" + Math.floorMod(v.extra(), 9) + "}";
        });
        text(out, op, "json:top-level-array", (d, v) -> "[" + JsonText.write(d.body) + "]");
        text(out, op, "json:top-level-null", (d, v) -> "null");
        text(out, op, "json:top-level-string", (d, v) -> "\"Nguyễn Văn Mẫu\"");
        text(out, op, "json:empty-body", (d, v) -> "");
        text(out, op, "json:trailing-content", (d, v) -> JsonText.write(d.body) + v.pick(new String[]{" {}", " x", "]"}));
        text(out, op, "json:truncated", (d, v) -> {
            String text = JsonText.write(d.body);
            return text.substring(0, 1 + Math.floorMod(v.position(), text.length() - 1));
        });
        text(out, op, "json:comment", (d, v) -> "/* ghi chú */" + JsonText.write(d.body));
        text(out, op, "json:single-quotes", (d, v) -> JsonText.write(d.body).replace('"', '\''));
    }

    private static void encoding(List<Mutation> out, ApiOperation op) {
        List<Field> strings = op.fields().stream().filter(f -> !f.path().contains(0) && switch (Schemas.kind(f.schema())) {
            case TEXT, ENUM, INSTANT, DATE -> true;
            default -> false;
        }).toList();
        if (!strings.isEmpty()) {
            out.add(new Mutation(op, "utf8:invalid-bytes", "body", (d, v) -> raw(d, strings, v, v.pick(INVALID_UTF8))));
            out.add(new Mutation(op, "utf8:overlong", "body", (d, v) -> raw(d, strings, v, v.pick(OVERLONG_UTF8))));
        }
        out.add(new Mutation(op, "charset:ISO-8859-1", "header Content-Type", (d, v) -> {
            d.contentType = "application/json;charset=ISO-8859-1";
            d.charset = StandardCharsets.ISO_8859_1;
        }));
        out.add(new Mutation(op, "charset:UTF-16", "header Content-Type", (d, v) -> {
            d.contentType = "application/json; charset=UTF-16";
            d.charset = StandardCharsets.UTF_16;
        }));
        out.add(new Mutation(op, "charset:other-label", "header Content-Type", (d, v) -> d.contentType =
                "application/json;charset=" + v.pick(new String[]{"windows-1258", "US-ASCII", "x-khong-co"})));
        out.add(new Mutation(op, "content-type:none", "header Content-Type", (d, v) -> d.contentType = null));
        out.add(new Mutation(op, "content-type:other", "header Content-Type", (d, v) -> d.contentType = v.pick(CONTENT_TYPES)));
    }

    private static void raw(RequestDraft d, List<Field> strings, Variant v, byte[] bytes) {
        Field field = strings.get(Math.floorMod(v.extra(), strings.size()));
        Object valid = FieldMutations.valid(field);
        String s = valid instanceof String text ? text : "Kinh";
        HostileRequests.setField(d, field, s.substring(0, s.length() / 2) + RequestDraft.RAW_MARKER
                + s.substring(s.length() / 2));
        d.rawBytes = bytes;
    }

    private static void path(List<Mutation> out, ApiOperation op, Parameter p) {
        Kind kind = Schemas.kind(p.schema());
        pathValue(out, op, p, "path:encoded-slash", (valid, v) -> v.pick(new String[]{valid + "%2Fx", "%2F", "..%2F" + valid,
                valid + "%2f..%2f" + valid}));
        pathValue(out, op, p, "path:dot-dot", (valid, v) -> v.pick(new String[]{"%2e%2e", "%2E%2E%2F", ".%2e", valid + "%2F%2e%2e"}));
        pathValue(out, op, p, "path:nul", (valid, v) -> v.pick(new String[]{valid + "%00", "%00", "%00" + valid}));
        pathValue(out, op, p, "path:invalid-or-overlong-utf8", (valid, v) -> v.pick(new String[]{"%FF" + valid, valid + "%C0%AF",
                "%C0%AE%C0%AE", valid + "%ED%A0%80"}));
        pathValue(out, op, p, "path:backslash", (valid, v) -> valid + "%5C" + valid);
        if (kind == Kind.INTEGER) {
            pathValue(out, op, p, "path:not-an-integer", (valid, v) -> v.pick(new String[]{"abc", valid + ".5",
                    "99999999999", "-" + valid, "1e3"}));
        }
        if (kind == Kind.ENUM) {
            pathValue(out, op, p, "path:not-in-enum", (valid, v) -> v.pick(new String[]{"quarterly", valid.toUpperCase(), "0"}));
        }
    }

    /**
     * The first enum value in another case: lower case, or upper case for an enum whose values are lower case
     * already ({@code format=json}), so that it is never one of the values.
     */
    private static String otherCase(JsonNode values) {
        String first = values.get(0).asString();
        return first.toLowerCase().equals(first) ? first.toUpperCase() : first.toLowerCase();
    }

    private static void pathValue(List<Mutation> out, ApiOperation op, Parameter p, String kind,
                                  java.util.function.BiFunction<String, Variant, String> value) {
        out.add(new Mutation(op, kind, "path " + p.name(), (d, v) -> d.pathValues.put(p.name(),
                value.apply(d.pathValues.get(p.name()), v))));
    }

    private static void query(List<Mutation> out, ApiOperation op, Parameter p) {
        Kind kind = Schemas.kind(p.schema());
        if (p.required()) {
            out.add(new Mutation(op, "query:required-missing", "query " + p.name(), (d, v) -> d.query.remove(p.name())));
        }
        switch (kind) {
            case TEXT, ARRAY -> {
                queryValue(out, op, p, "query:nul", v -> v.pick(new String[]{"%00", "x%00", "313%00"}));
                queryValue(out, op, p, "query:control", v -> v.pick(new String[]{"%01", "a%1Bb", "%7F"}));
                queryValue(out, op, p, "query:invalid-or-overlong-utf8", v -> v.pick(new String[]{"%FF", "%C0%80", "a%ED%A0%80"}));
                if (List.of("orgUnit", "commune", "agency").contains(p.name())) {
                    queryValue(out, op, p, "query:code-unknown", v -> "313-khong-ton-tai");
                }
                if (List.of("orgUnit", "commune").contains(p.name())) {
                    queryValue(out, op, p, "query:code-agency-for-area", v -> "31-xa-an-lao-police");
                }
            }
            case DATE -> {
                queryValue(out, op, p, "query:date-malformed", v -> v.pick(new String[]{"2025-02-30", "2025-13-01", "20250101",
                        "01%2F03%2F2025", "", "2025-03-01T00:00:00Z"}));
                queryValue(out, op, p, "query:date-out-of-bounds", v -> v.pick(new String[]{"-1000000000-01-01",
                        "%2B1000000000-01-01", "1800-01-01", "9999-12-31"}));
                queryValue(out, op, p, "query:nul", v -> "2025-01-01%00");
            }
            case INSTANT -> {
                queryValue(out, op, p, "query:instant-malformed", v -> v.pick(new String[]{"1740817800", "",
                        "2025-03-01T24:00:00Z", "2025-03-01T08:30:00", "2025-02-30T00:00:00Z", "h%C3%B4m+qua"}));
                queryValue(out, op, p, "query:instant-out-of-bounds", v -> v.pick(new String[]{"-1000000000-01-01T00:00:00Z",
                        "%2B1000000000-01-01T00:00:00Z", "1800-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}));
                if (p.name().equals("asOf")) {
                    queryValue(out, op, p, "query:asOf-in-future", v -> Instant.now()
                            .plus(1 + Math.floorMod(v.extra(), 30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
                }
                queryValue(out, op, p, "query:nul", v -> "2025-01-01T00:00:00Z%00");
            }
            case INTEGER -> {
                queryValue(out, op, p, "query:not-an-integer", v -> v.pick(new String[]{"abc", "1.5", "1e3", "%00"}));
                queryValue(out, op, p, "query:integer-overflow", v -> v.pick(new String[]{"99999999999999999999", "-99999999999999999999"}));
                queryValue(out, op, p, "query:integer-negative", v -> String.valueOf(-1 - Math.floorMod(v.extra(), 100)));
                queryValue(out, op, p, "query:integer-not-plain", v -> v.pick(new String[]{"%2B1", "007", "0x10", "%2310"}));
            }
            case BOOLEAN -> queryValue(out, op, p, "query:boolean-coerced", v -> v.pick(new String[]{"yes", "1", "on", "0"}));
            case ENUM -> queryValue(out, op, p, "query:not-in-enum", v -> v.pick(new String[]{"NOT_IN_ENUM", "0", "",
                    otherCase(p.schema().get("enum"))}));
            default -> {
            }
        }
    }

    private static void queryValue(List<Mutation> out, ApiOperation op, Parameter p, String kind, Function<Variant, String> value) {
        out.add(new Mutation(op, kind, "query " + p.name(), (d, v) -> d.query.put(p.name(), List.of(value.apply(v)))));
    }

    private static void text(List<Mutation> out, ApiOperation op, String kind,
                             java.util.function.BiFunction<RequestDraft, Variant, String> text) {
        out.add(new Mutation(op, kind, "body", (d, v) -> d.bodyText = text.apply(d, v)));
    }
}
