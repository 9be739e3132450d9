package vn.childprotection.casetracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Văn Thử", "dòng một\ndòng hai", "cột\tcột", "\uD83C\uDF3E lúa", "", "Đắk Lắk"})
    void ordinary_text_with_tab_and_line_feed_is_accepted(String text) {
        assertThat(TextRule.problem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\rb", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\uD800b", "a\uDC00b", "\uD800",
            "a\uFFFEb", "a\uFDD0b", "a\uDBFF\uDFFFb", "\u202Eabc", "a\u2066b"})
    void controls_lone_surrogates_non_characters_and_bidi_overrides_are_refused(String text) {
        assertThat(TextRule.problem(text)).isNotNull().doesNotContain(text);
    }

    @Test
    void text_is_normalised_to_nfc_and_counted_in_code_points() {
        String decomposed = "Mu\u031Bo\u031B\u0300ng";

        assertThat(TextRule.normalise(decomposed)).isEqualTo("M\u01B0\u1EDDng");
        assertThat(TextRule.length("\uD83C\uDF3E\uD83C\uDF3E")).isEqualTo(2);
    }

    @Test
    void a_request_target_is_decoded_from_its_bytes_as_strict_utf8() {
        String rawUtf8AsTomcatGivesIt = new String("ệ".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(RequestGateFilter.decode("Vi%E1%BB%87t", true)).isEqualTo("Việt");
        assertThat(RequestGateFilter.decode(rawUtf8AsTomcatGivesIt, true)).isEqualTo("ệ");
        assertThat(RequestGateFilter.decode("a+b", true)).isEqualTo("a b");
        assertThat(RequestGateFilter.decode("%C0%AF", true)).as("overlong slash").isNull();
        assertThat(RequestGateFilter.decode("%ED%A0%80", true)).as("encoded surrogate").isNull();
        assertThat(RequestGateFilter.decode("%4", true)).as("broken escape").isNull();
        assertThat(RequestGateFilter.decode("%zz", true)).isNull();
    }
}
