package vn.childprotection.casetracker.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input test sends what it means to send: hostile characters travel as JSON escapes in valid UTF-8,
 * and only the mutations that ask for it put raw invalid bytes on the wire.
 */
class HostileBodyEncodingTest {

    @Test
    void control_characters_surrogates_and_noncharacters_are_written_as_escapes_in_valid_utf8() {
        String text = JsonText.write(Map.of("ethnicity", "Kinh\u0000\u001B\uD800\uFFFE\u009Bă"));

        assertThat(text).isEqualTo("{\"ethnicity\":\"Kinh\\u0000\\u001B\\uD800\\uFFFE\\u009Bă\"}");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    }

    @Test
    void a_fraction_where_an_integer_is_due_is_written_verbatim() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planVersion", new JsonText.Raw("1.5"));
        body.put("measures", List.of("TEMPORARY_REMOVAL"));

        assertThat(JsonText.write(body)).isEqualTo("{\"planVersion\":1.5,\"measures\":[\"TEMPORARY_REMOVAL\"]}");
    }

    @Test
    void raw_bytes_replace_the_marker_after_encoding() {
        ApiOperation operation = new ApiOperation("POST", "/api/v1/cases", List.of(), null, List.of());
        RequestDraft draft = new RequestDraft(operation, "worker.xaanlao");
        draft.body = new LinkedHashMap<>(Map.of("ethnicity", "Ki" + RequestDraft.RAW_MARKER + "nh"));
        draft.rawBytes = new byte[]{(byte) 0xC0, (byte) 0xAF};

        assertThat(draft.bodyBytes()).containsExactly('{', '"', 'e', 't', 'h', 'n', 'i', 'c', 'i', 't', 'y', '"', ':',
                '"', 'K', 'i', 0xC0 - 256, 0xAF - 256, 'n', 'h', '"', '}');
    }

    @Test
    void a_mutation_changes_a_copy_and_never_the_valid_body() {
        Map<String, Object> child = new LinkedHashMap<>(Map.of("sex", "MALE"));
        Map<String, Object> valid = new LinkedHashMap<>(Map.of("child", child));

        Object copy = JsonText.copy(valid);
        JsonText.set(copy, List.of("child", "sex"), 0, false);

        assertThat(JsonText.get(copy, List.of("child", "sex"))).isEqualTo(0);
        assertThat(child.get("sex")).isEqualTo("MALE");
    }
}
