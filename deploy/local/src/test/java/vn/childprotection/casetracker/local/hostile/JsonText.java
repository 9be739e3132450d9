package vn.childprotection.casetracker.local.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies as plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean},
 * {@code null}, {@link Raw}) and their exact text. A library writer is not used on purpose: hostile bodies need
 * text no writer produces (a fraction written as {@code 9.5} where an integer is due, lone surrogates).
 * Control characters, surrogates and non-characters are always written as {@code \\uXXXX} escapes, so the bytes
 * on the wire are valid UTF-8 and only the decoded string carries the hostile character.
 */
final class JsonText {

    /** JSON text inserted verbatim. */
    record Raw(String text) {
    }

    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\ufffe'
                    || c == '\uffff' || (c >= '\ufdd0' && c <= '\ufdef')) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A deep copy of a body, so that one mutation never leaks into the next request. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    /** The value at a path of keys ({@code String}) and indexes ({@code Integer}), or null. */
    @SuppressWarnings("unchecked")
    static Object get(Object root, List<Object> path) {
        Object current = root;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = ((Map<String, Object>) map).get((String) step);
            } else if (current instanceof List<?> list && (Integer) step < list.size()) {
                current = list.get((Integer) step);
            } else {
                return null;
            }
        }
        return current;
    }

    /** Sets (or, with {@code remove}, removes) the value at a path whose parent exists. */
    @SuppressWarnings("unchecked")
    static void set(Object root, List<Object> path, Object value, boolean remove) {
        Object parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            if (remove) {
                map.remove(last);
            } else {
                ((Map<String, Object>) map).put((String) last, value);
            }
        } else if (parent instanceof List<?> list) {
            if (remove) {
                list.remove((int) (Integer) last);
            } else {
                ((List<Object>) list).set((Integer) last, value);
            }
        } else {
            throw new IllegalStateException("no parent for " + path);
        }
    }
}
