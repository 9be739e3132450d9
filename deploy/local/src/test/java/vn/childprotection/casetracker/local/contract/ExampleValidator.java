package vn.childprotection.casetracker.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the example of a request schema the way Swagger UI does (each field's own example; a nested object's
 * built from its fields; an array of one item) and checks a value against a schema of the OpenAPI document (3.1):
 * type, enum, length, pattern, bounds, date and date-time formats, required fields, array sizes.
 */
final class ExampleValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Schema> schemas;

    ExampleValidator(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        while (s.get$ref() != null) {
            s = schemas.get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
        }
        return s;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }

    /** The example Swagger UI would show for this body: its own, else the one built from its schema. */
    Object example(MediaType body) {
        if (body.getExample() != null) {
            return plain(body.getExample());
        }
        if (body.getExamples() != null && !body.getExamples().isEmpty()) {
            return plain(body.getExamples().values().iterator().next().getValue());
        }
        return example(body.getSchema());
    }

    /** The example Swagger UI would show for this schema, or null when it gives none. */
    Object example(Schema<?> declared) {
        if (declared.getExample() != null) {
            return plain(declared.getExample());
        }
        Schema<?> schema = resolve(declared);
        if (schema.getExample() != null) {
            return plain(schema.getExample());
        }
        String type = type(schema);
        if ("object".equals(type)) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Object value = example(property);
                    if (value != null) {
                        object.put(name, value);
                    }
                });
            }
            return object;
        }
        if ("array".equals(type) && schema.getItems() != null) {
            Object item = example(schema.getItems());
            return item == null ? null : List.of(item);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        return null;
    }

    /** An example as the parser gives it (maybe a JSON tree) as plain maps, lists, text, numbers. */
    private static Object plain(Object example) {
        return example instanceof JsonNode node ? JSON.convertValue(node, Object.class) : example;
    }

    void validate(Object value, Schema<?> declared, String where, List<String> faults) {
        Schema<?> schema = resolve(declared);
        if (value == null) {
            return;
        }
        String type = type(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()
                && schema.getEnum().stream().noneMatch(e -> String.valueOf(e).equals(String.valueOf(value)))) {
            faults.add(where + ": " + value + " is not one of " + schema.getEnum());
        }
        if ("object".equals(type)) {
            if (!(value instanceof Map<?, ?> object)) {
                faults.add(where + ": not an object");
                return;
            }
            if (schema.getRequired() != null) {
                schema.getRequired().stream().filter(r -> !object.containsKey(r))
                        .forEach(r -> faults.add(where + "." + r + ": required, and no example"));
            }
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            object.forEach((name, field) -> {
                if (!properties.containsKey(String.valueOf(name))) {
                    faults.add(where + "." + name + ": not a field of the schema");
                } else {
                    validate(field, properties.get(String.valueOf(name)), where + "." + name, faults);
                }
            });
        } else if ("array".equals(type)) {
            if (!(value instanceof Collection<?> items)) {
                faults.add(where + ": not an array");
                return;
            }
            if (schema.getMinItems() != null && items.size() < schema.getMinItems()
                    || schema.getMaxItems() != null && items.size() > schema.getMaxItems()) {
                faults.add(where + ": " + items.size() + " items, outside its bounds");
            }
            int i = 0;
            for (Object item : new ArrayList<>(items)) {
                validate(item, schema.getItems(), where + "[" + i++ + "]", faults);
            }
        } else if ("string".equals(type)) {
            text(String.valueOf(value), schema, where, faults);
        } else if ("integer".equals(type) || "number".equals(type)) {
            number(value, schema, type, where, faults);
        } else if ("boolean".equals(type) && !(value instanceof Boolean)) {
            faults.add(where + ": not a boolean");
        }
    }

    private static void text(String text, Schema<?> schema, String where, List<String> faults) {
        int length = text.codePointCount(0, text.length());
        if (schema.getMaxLength() != null && length > schema.getMaxLength()
                || schema.getMinLength() != null && length < schema.getMinLength()) {
            faults.add(where + ": length " + length + " outside its bounds");
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
            faults.add(where + ": does not match " + schema.getPattern());
        }
        try {
            if ("date".equals(schema.getFormat())) {
                LocalDate.parse(text);
            } else if ("date-time".equals(schema.getFormat())) {
                Instant.parse(text);
            }
        } catch (DateTimeParseException e) {
            faults.add(where + ": not a " + schema.getFormat());
        }
    }

    private static void number(Object value, Schema<?> schema, String type, String where, List<String> faults) {
        BigDecimal number;
        try {
            number = new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            faults.add(where + ": not a number");
            return;
        }
        if ("integer".equals(type) && number.stripTrailingZeros().scale() > 0) {
            faults.add(where + ": not a whole number");
        }
        if (schema.getMinimum() != null && number.compareTo(schema.getMinimum()) < 0
                || schema.getMaximum() != null && number.compareTo(schema.getMaximum()) > 0) {
            faults.add(where + ": " + number + " outside its bounds");
        }
    }
}
