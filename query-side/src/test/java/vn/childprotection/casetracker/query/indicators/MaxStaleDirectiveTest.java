package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The {@code max-stale} directive of {@code Cache-Control} (RFC 9111 section 5.2.1.2) as the indicators' endpoints
 * read it, under a limit of 300 seconds.
 */
class MaxStaleDirectiveTest {

    private final MaxStaleDirective directive = new MaxStaleDirective(Duration.ofSeconds(300));

    @Test
    void without_the_header_or_the_directive_only_current_facts_are_accepted() {
        assertThat(directive.read(null).asked()).isFalse();
        assertThat(directive.read("no-cache, max-age=0").asked()).isFalse();
        assertThat(directive.read("no-cache").accepts(Duration.ZERO)).isFalse();
    }

    @Test
    void a_number_of_seconds_is_accepted_up_to_the_limit() {
        assertThat(directive.read("max-stale=60").accepted()).isEqualTo(Duration.ofSeconds(60));
        assertThat(directive.read("max-stale=0").accepted()).isEqualTo(Duration.ZERO);
        assertThat(directive.read("max-stale=1000").accepted()).isEqualTo(Duration.ofSeconds(300));
        assertThat(directive.read("max-stale=99999999999999999999999").accepted())
                .as("too great to hold: the greatest one holds").isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void a_bare_directive_accepts_the_limit() {
        assertThat(directive.read("max-stale").accepted()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void name_case_quoted_arguments_and_other_directives_are_read_as_the_rfc_allows() {
        assertThat(directive.read("no-transform, Max-Stale=\"45\", x-ext=\"a,max-stale=1\"").accepted())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(directive.read("max-stale=90, max-stale=30").accepted()).as("the smallest")
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_age_within_the_accepted_is_accepted_and_one_beyond_it_is_not() {
        MaxStale sixty = directive.read("max-stale=60");
        assertThat(sixty.accepts(Duration.ofSeconds(60))).isTrue();
        assertThat(sixty.accepts(Duration.ofSeconds(61))).isFalse();
        assertThat(sixty.accepts(Duration.ofSeconds(-5))).as("a clock set back").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-stale=-5", "max-stale=abc", "max-stale=1.5", "max-stale=", "max-stale=\"\"",
            "max-stale=6 0", "no-cache, max-stale=+7"})
    void a_malformed_argument_is_refused_naming_the_header(String header) {
        assertThatThrownBy(() -> directive.read(header)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).problems().get(0).field())
                        .isEqualTo("Cache-Control"));
    }

    @Test
    void a_limit_of_zero_turns_the_directive_off_and_a_negative_one_is_refused_at_start() {
        assertThat(new MaxStaleDirective(Duration.ZERO).read("max-stale=60").asked()).isFalse();
        assertThatThrownBy(() -> new MaxStaleDirective(Duration.ZERO).read("max-stale=-60"))
                .as("still checked").isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> new MaxStaleDirective(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casetracker.indicators.max-stale-limit");
    }
}
