package vn.childprotection.casetracker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    @Test
    void the_documented_command_line_is_read() {
        GeneratorOptions options = GeneratorOptions.parse("--url", "http://localhost:8080", "--cases", "1000",
                "--from", "2023-01-01", "--to", "2026-10-31", "--seed", "42", "--out", "generated-cases.jsonl");
        assertThat(options).isEqualTo(new GeneratorOptions(URI.create("http://localhost:8080"), 1000,
                LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31), 42, Path.of("generated-cases.jsonl"), 4));
        assertThat(GeneratorOptions.parse("--concurrency=2", "--cases=5").concurrency()).isEqualTo(2);
        assertThat(options.acrossReform()).as("cases go on across 1/7/2025 by default").isTrue();
        assertThat(GeneratorOptions.parse("--across-reform", "false").acrossReform()).isFalse();
    }

    @Test
    void unknown_or_malformed_options_are_refused() {
        assertThatThrownBy(() -> GeneratorOptions.parse("--case", "3")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> GeneratorOptions.parse("--cases", "many")).hasMessageContaining("--cases");
        assertThatThrownBy(() -> GeneratorOptions.parse("--from", "2024-13-01")).hasMessageContaining("--from");
        assertThatThrownBy(() -> GeneratorOptions.parse("--from", "2025-01-01", "--to", "2024-01-01"))
                .hasMessageContaining("--to");
        assertThatThrownBy(() -> GeneratorOptions.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> GeneratorOptions.parse("--seed")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> GeneratorOptions.parse("--across-reform", "yes"))
                .hasMessageContaining("--across-reform");
    }

    @Test
    void reports_before_2023_are_refused_as_the_working_day_calendar_starts_there() {
        assertThatThrownBy(() -> GeneratorOptions.parse("--from", "2022-12-31", "--to", "2023-06-30"))
                .hasMessageContaining("--from").hasMessageContaining("2023-01-01");
    }
}
