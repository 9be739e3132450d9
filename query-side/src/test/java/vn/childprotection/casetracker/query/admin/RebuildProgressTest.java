package vn.childprotection.casetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {

    @Test
    void the_progress_line_gives_events_done_of_total_the_rate_and_the_expected_finish() {
        RebuildStatus running = new RebuildStatus("risk-register", RebuildState.RUNNING, 45_000, 120_000, 37, 9_800.4,
                Instant.parse("2025-09-01T12:03:10Z"), Instant.parse("2025-09-01T12:00:00Z"), null, null, 0, null);
        assertThat(Rebuild.progressLine(running)).isEqualTo("Rebuild of risk-register: 45,000/120,000 events (37%), "
                + "9,800 events/s, expected finish 12:03:10Z");
    }

    @Test
    void the_last_line_says_when_the_rebuild_finished() {
        RebuildStatus done = new RebuildStatus("case-file", RebuildState.DONE, 120_000, 120_000, 100, 10_000,
                null, Instant.parse("2025-09-01T12:00:00Z"), Instant.parse("2025-09-01T12:00:12Z"), null, 0, null);
        assertThat(Rebuild.progressLine(done)).isEqualTo("Rebuild of case-file: 120,000/120,000 events (100%), "
                + "10,000 events/s, done 12:00:12Z");
    }
}
