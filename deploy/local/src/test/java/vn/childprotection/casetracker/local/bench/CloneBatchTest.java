package vn.childprotection.casetracker.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CloneBatch#interleaved}: round robin over lists of different lengths, each list's order kept. */
class CloneBatchTest {

    @Test
    void lists_are_taken_round_robin_and_a_list_that_ran_out_is_passed_over() {
        List<String> all = CloneBatch.interleaved(List.of(List.of("a0", "a1", "a2"), List.of("b0"),
                List.of("c0", "c1")));

        assertThat(all).containsExactly("a0", "b0", "c0", "a1", "c1", "a2");
    }

    @Test
    void nothing_in_nothing_out() {
        assertThat(CloneBatch.interleaved(List.<List<String>>of())).isEmpty();
        assertThat(CloneBatch.interleaved(List.of(List.<String>of(), List.<String>of()))).isEmpty();
    }
}
