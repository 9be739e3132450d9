package vn.childprotection.casetracker.local.hostile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.hostile.ApiOperation.Field;
import vn.childprotection.casetracker.local.hostile.JsonText.Raw;
import vn.childprotection.casetracker.local.hostile.Mutation.Variant;
import vn.childprotection.casetracker.local.hostile.Schemas.Kind;

/**
 * Mutations of one field of a JSON body, by the kind of its value: wrong JSON types, values outside the enum,
 * control characters and other characters text may not hold, lengths, instants and dates that are not ISO-8601
 * text or are out of any sensible bounds, numbers that need coercion, a required field missing or null.
 */
final class FieldMutations {

    static final Set<String> COMMUNE_CODE_FIELDS = Set.of("communeCode", "toCommuneCode");
    static final Set<String> CODE_FIELDS = Set.of("communeCode", "toCommuneCode", "agencyCode", "toAgencyCode",
            "reasonCode", "legalBasis");

    static final String[] C0 = {"\u0001", "\u0002", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B",
            "\u001F"};
    static final String[] DEL_C1 = {"\u007F", "\u0085", "\u009B"};
    static final String[] NONCHARACTERS = {"\uFFFE", "\uFFFF", "\uFDD0", "\uD83F\uDFFF"};
    static final String[] LONE_SURROGATES = {"\uD800", "\uDFFF", "\uDC00\uD800"};

    private FieldMutations() {
    }

    static List<Mutation> of(ApiOperation operation, Field field) {
        List<Mutation> out = new ArrayList<>();
        JsonNode schema = field.schema();
        Kind kind = Schemas.kind(schema);
        if (field.required()) {
            add(out, operation, field, "required:missing", (d, v) -> JsonText.set(d.body, field.path(), null, true));
            if (!field.nullable()) {
                value(out, operation, field, "required:null", v -> null);
            }
        }
        switch (kind) {
            case TEXT -> text(out, operation, field);
            case ENUM -> enumeration(out, operation, field);
            case INSTANT -> instant(out, operation, field);
            case DATE -> date(out, operation, field);
            case INTEGER -> integer(out, operation, field);
            case BOOLEAN -> bool(out, operation, field);
            case ARRAY -> array(out, operation, field);
            case OBJECT -> object(out, operation, field);
            default -> throw new IllegalStateException(kind.name());
        }
        return out;
    }

    private static void text(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "wrong-type:number", v -> Math.floorMod(v.number(), 1000));
        value(out, op, f, "wrong-type:boolean", v -> true);
        value(out, op, f, "wrong-type:array", v -> List.of(valid(f)));
        value(out, op, f, "wrong-type:object", v -> Map.of("value", valid(f)));
        value(out, op, f, "control:NUL", v -> insert(valid(f), "\u0000", v));
        value(out, op, f, "control:C0", v -> insert(valid(f), v.pick(C0), v));
        value(out, op, f, "control:DEL-or-C1", v -> insert(valid(f), v.pick(DEL_C1), v));
        value(out, op, f, "unicode:noncharacter", v -> insert(valid(f), v.pick(NONCHARACTERS), v));
        value(out, op, f, "unicode:unpaired-surrogate", v -> insert(valid(f), v.pick(LONE_SURROGATES), v));
        Integer max = Schemas.intAttribute(f.schema(), "maxLength");
        if (max != null) {
            value(out, op, f, "length:over-maximum", v -> "a".repeat(max + 1 + Math.floorMod(v.extra(), 50)));
        }
        Integer min = Schemas.intAttribute(f.schema(), "minLength");
        if (min != null && min > 0) {
            value(out, op, f, "length:under-minimum", v -> "a".repeat(min - 1));
            value(out, op, f, "length:blank", v -> " ".repeat(min + Math.floorMod(v.extra(), 5)));
        }
        // The legal basis of a new list of org units is free text (a resolution and its article), not a code.
        if (CODE_FIELDS.contains(f.key()) && !op.path().equals("/api/v1/admin/org-units")) {
            value(out, op, f, "code:unknown", v -> f.key().endsWith("Code") && !f.key().equals("reasonCode")
                    ? "313-khong-ton-tai" : "KHONG_CO_TRONG_DANH_MUC");
        }
        if (COMMUNE_CODE_FIELDS.contains(f.key())) {
            value(out, op, f, "code:agency-for-commune", v -> "31-xa-an-lao-police");
        }
    }

    private static void enumeration(List<Mutation> out, ApiOperation op, Field f) {
        List<String> values = new ArrayList<>();
        f.schema().get("enum").forEach(e -> values.add(e.asString()));
        value(out, op, f, "enum:not-in-enum", v -> v.pick(new String[]{"NOT_IN_ENUM", values.get(0) + "_X", "KHAC"}));
        value(out, op, f, "enum:lower-case", v -> values.get(Math.floorMod(v.extra(), values.size())).toLowerCase());
        value(out, op, f, "enum:padded", v -> " " + values.get(Math.floorMod(v.extra(), values.size())));
        value(out, op, f, "enum:zero", v -> 0);
        value(out, op, f, "enum:ordinal", v -> 1 + Math.floorMod(v.extra(), values.size()));
        value(out, op, f, "enum:empty-string", v -> "");
        value(out, op, f, "wrong-type:boolean", v -> true);
        value(out, op, f, "wrong-type:array", v -> List.of(values.get(0)));
    }

    private static void instant(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "instant:epoch-seconds-number", v -> 1_700_000_000L + Math.floorMod(v.number(), 50_000_000));
        value(out, op, f, "instant:epoch-millis-number", v -> 1_700_000_000_000L + Math.floorMod(v.number(), 1_000_000));
        value(out, op, f, "instant:epoch-string", v -> String.valueOf(1_700_000_000L + Math.floorMod(v.extra(), 1000)));
        value(out, op, f, "instant:empty-string", v -> "");
        value(out, op, f, "instant:T24:00", v -> "2025-03-01T24:00:00Z");
        value(out, op, f, "instant:year-minus-1e9", v -> "-1000000000-01-01T00:00:00Z");
        value(out, op, f, "instant:year-plus-1e9", v -> "+1000000000-01-01T00:00:00Z");
        value(out, op, f, "instant:year-1800", v -> "1800-01-01T00:00:00Z");
        value(out, op, f, "instant:far-future", v -> v.pick(new String[]{"9999-12-31T23:59:59Z", "2200-01-01T00:00:00Z"}));
        value(out, op, f, "instant:future", v -> Instant.now().plus(1 + Math.floorMod(v.extra(), 30), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS).toString());
        value(out, op, f, "instant:no-offset", v -> "2025-03-01T08:30:00");
        value(out, op, f, "instant:date-only", v -> "2025-03-01");
        value(out, op, f, "instant:invalid-day", v -> "2025-02-30T08:00:00Z");
        value(out, op, f, "instant:not-a-time", v -> "hôm qua");
        value(out, op, f, "wrong-type:array", v -> List.of("2025-03-01T08:30:00Z"));
    }

    private static void date(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "date:epoch-day-number", v -> 20_000 + Math.floorMod(v.number(), 1000));
        value(out, op, f, "date:empty-string", v -> "");
        value(out, op, f, "date:invalid-day", v -> "2025-02-30");
        value(out, op, f, "date:month-13", v -> "2025-13-01");
        value(out, op, f, "date:year-minus-1e9", v -> "-1000000000-01-01");
        value(out, op, f, "date:year-plus-1e9", v -> "+1000000000-01-01");
        value(out, op, f, "date:year-1800", v -> "1800-01-01");
        value(out, op, f, "date:far-future", v -> v.pick(new String[]{"9999-12-31", "2200-01-01"}));
        value(out, op, f, "date:date-time", v -> "2025-03-01T00:00:00Z");
        value(out, op, f, "date:local-format", v -> "01/03/2025");
        value(out, op, f, "date:array", v -> List.of(2025, 3, 1));
        value(out, op, f, "wrong-type:object", v -> Map.of("year", 2025));
    }

    private static void integer(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "integer:string", v -> String.valueOf(valid(f)));
        value(out, op, f, "integer:fraction", v -> new Raw(valid(f) + "." + (1 + Math.floorMod(v.extra(), 9))));
        value(out, op, f, "integer:overflow", v -> new Raw(v.pick(new String[]{"2147483648", "99999999999999999999"})));
        value(out, op, f, "integer:empty-string", v -> "");
        value(out, op, f, "wrong-type:boolean", v -> true);
        value(out, op, f, "wrong-type:array", v -> List.of(valid(f)));
        Integer min = Schemas.intAttribute(f.schema(), "minimum");
        if (min != null) {
            value(out, op, f, "integer:below-minimum", v -> min - 1 - Math.floorMod(v.extra(), 5));
        }
        Integer max = Schemas.intAttribute(f.schema(), "maximum");
        if (max != null) {
            value(out, op, f, "integer:above-maximum", v -> max + 1 + Math.floorMod(v.extra(), 5));
        }
    }

    private static void bool(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "boolean:string", v -> v.pick(new String[]{"true", "false"}));
        value(out, op, f, "boolean:number", v -> Math.floorMod(v.extra(), 2));
        value(out, op, f, "boolean:yes", v -> "yes");
        value(out, op, f, "wrong-type:array", v -> List.of(true));
        value(out, op, f, "wrong-type:object", v -> Map.of());
    }

    private static void array(List<Mutation> out, ApiOperation op, Field f) {
        JsonNode items = f.schema().get("items");
        value(out, op, f, "wrong-type:object", v -> Map.of());
        value(out, op, f, "wrong-type:number", v -> 1);
        value(out, op, f, "array:single-value-unwrapped", v -> firstItem(f));
        value(out, op, f, "array:item-null", v -> java.util.Arrays.asList((Object) null));
        if (items.has("enum")) {
            value(out, op, f, "array:item-not-in-enum", v -> List.of("NOT_IN_ENUM"));
            value(out, op, f, "array:item-zero", v -> List.of(0));
            value(out, op, f, "array:item-lower-case", v -> List.of(items.get("enum").get(0).asString().toLowerCase()));
        }
        if (f.schema().has("uniqueItems") && f.schema().get("uniqueItems").asBoolean()) {
            value(out, op, f, "array:duplicate-items", v -> List.of(firstItem(f), firstItem(f)));
        }
        Integer max = Schemas.intAttribute(f.schema(), "maxItems");
        if (max != null) {
            value(out, op, f, "array:over-maximum-items", v -> {
                List<Object> many = new ArrayList<>();
                for (int i = 0; i <= max + Math.floorMod(v.extra(), 3); i++) {
                    Object item = JsonText.copy(firstItem(f));
                    if (item instanceof Map<?, ?> map && map.containsKey("interventionId")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) map;
                        m.put("interventionId", "iv-" + i);
                    }
                    many.add(item);
                }
                return many;
            });
        }
        Integer min = Schemas.intAttribute(f.schema(), "minItems");
        if (min != null && min > 0) {
            value(out, op, f, "array:under-minimum-items", v -> List.of());
        }
    }

    private static void object(List<Mutation> out, ApiOperation op, Field f) {
        value(out, op, f, "wrong-type:string", v -> "x");
        value(out, op, f, "wrong-type:array", v -> List.of(valid(f)));
        value(out, op, f, "wrong-type:number", v -> 1);
        value(out, op, f, "json:duplicate-key", v -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) valid(f));
            String key = new ArrayList<>(object.keySet()).get(Math.floorMod(v.extra(), object.size()));
            String text = JsonText.write(object);
            return new Raw(text.substring(0, text.length() - 1) + ",\"" + key + "\":"
                    + JsonText.write(object.get(key)) + "}");
        });
    }

    /** A valid value of the field, as the valid request has it (or would, for fields it leaves out). */
    static Object valid(Field f) {
        return Schemas.validValue(f.schema(), f.key(), HostileRequests.today());
    }

    private static Object firstItem(Field f) {
        Object valid = valid(f);
        return valid instanceof List<?> list && !list.isEmpty() ? list.get(0)
                : Schemas.validValue(f.schema().get("items"), f.key(), HostileRequests.today());
    }

    private static String insert(Object valid, String hostile, Variant v) {
        String s = valid instanceof String text ? text : "Lò Thị Mai";
        int at = Math.floorMod(v.position(), s.length() + 1);
        if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) {
            at++;
        }
        return s.substring(0, at) + hostile + s.substring(at);
    }

    private static void value(List<Mutation> out, ApiOperation op, Field f, String kind, Function<Variant, Object> value) {
        add(out, op, f, kind, (d, v) -> HostileRequests.setField(d, f, value.apply(v)));
    }

    private static void add(List<Mutation> out, ApiOperation op, Field f, String kind,
                            java.util.function.BiConsumer<RequestDraft, Variant> apply) {
        out.add(new Mutation(op, kind, f.name(), apply));
    }
}
