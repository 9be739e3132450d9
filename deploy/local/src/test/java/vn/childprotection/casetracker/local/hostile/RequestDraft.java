package vn.childprotection.casetracker.local.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request being built: first the valid one, then one mutation changes one part of it. Path and query values
 * are kept exactly as they go on the wire (already percent-encoded), so a mutation can send {@code %2F} or
 * {@code %00} as it is.
 */
final class RequestDraft {

    /** Put inside a JSON string by a mutation; replaced by {@link #rawBytes} after encoding. */
    static final String RAW_MARKER = "@@RAW@@";

    final ApiOperation operation;
    final String user;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, List<String>> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    Object body;
    /** When set, the body's text instead of {@link #body} written as JSON. */
    String bodyText;
    /** Bytes put where {@link #RAW_MARKER} is in the encoded body. */
    byte[] rawBytes;
    Charset charset = StandardCharsets.UTF_8;
    /** The {@code Content-Type} header, or null for none. */
    String contentType;

    RequestDraft(ApiOperation operation, String user) {
        this.operation = operation;
        this.user = user;
        this.contentType = operation.body() == null ? null : "application/json";
    }

    /** The path with its parameters filled in, then the query string. */
    String target() {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator).append(parameter.getKey()).append('=').append(value);
                separator = '&';
            }
        }
        return target.toString();
    }

    /** The body's bytes, or null when the operation takes no body. */
    byte[] bodyBytes() {
        if (body == null && bodyText == null) {
            return null;
        }
        String text = bodyText != null ? bodyText : JsonText.write(body);
        byte[] encoded = text.getBytes(charset);
        if (rawBytes == null) {
            return encoded;
        }
        byte[] marker = RAW_MARKER.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(encoded, marker);
        if (at < 0) {
            throw new IllegalStateException("no place for raw bytes in " + text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoded, 0, at);
        out.write(rawBytes, 0, rawBytes.length);
        out.write(encoded, at + marker.length, encoded.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
