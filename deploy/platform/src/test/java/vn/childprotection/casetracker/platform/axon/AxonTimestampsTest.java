package vn.childprotection.casetracker.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.common.DateTimeUtils;

/**
 * {@link AxonTimestamps#parse} answers what Axon's {@link DateTimeUtils#parseInstant} answers, for the text Axon
 * writes and for that text with any one character changed (or its instant's offset written otherwise): the same
 * instant, or a {@link DateTimeException} from both.
 */
class AxonTimestampsTest {

    /** Year 0 to 9999, the years Axon writes with four digits. */
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    @Property(tries = 2000)
    void reads_every_instant_axon_writes_as_axon_does(@ForAll("instants") Instant instant) {
        String text = DateTimeUtils.formatInstant(instant);

        assertThat(AxonTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text))
                .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Property(tries = 5000)
    void any_changed_character_gives_axons_answer_or_axons_error(@ForAll("instants") Instant instant,
                                                                 @ForAll @IntRange(min = 0, max = 23) int position,
                                                                 @ForAll @CharRange(from = '*', to = '[')
                                                                 char replacement) {
        StringBuilder text = new StringBuilder(DateTimeUtils.formatInstant(instant));
        text.setCharAt(position, replacement);

        assertSameAnswer(text.toString());
    }

    @Property(tries = 500)
    void out_of_range_fields_and_other_offsets_give_axons_answer_or_axons_error(
            @ForAll @IntRange(min = 0, max = 99) int month, @ForAll @IntRange(min = 0, max = 99) int day,
            @ForAll @IntRange(min = 0, max = 99) int hour, @ForAll("tails") String tail) {
        String text = String.format("2024-%02d-%02dT%02d:30:15.123%s", month, day, hour, tail);

        assertSameAnswer(text);
    }

    private static void assertSameAnswer(String text) {
        Instant axons;
        try {
            axons = DateTimeUtils.parseInstant(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> AxonTimestamps.parse(text)).as(text).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(AxonTimestamps.parse(text)).as(text).isEqualTo(axons);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FIRST, LAST).map(Instant::ofEpochMilli)
                .edgeCases(edges -> edges.add(Instant.ofEpochMilli(0)));
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.of("Z", "+07:00", "-00:00", "+00:00", "z", "", "4Z", "Z ");
    }
}
