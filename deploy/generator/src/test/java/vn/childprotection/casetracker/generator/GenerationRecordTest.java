package vn.childprotection.casetracker.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.CaseStatus;

class GenerationRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    @TempDir
    Path dir;

    private static GenerationRecord recordOf(List<PlannedCase> plans) {
        List<GeneratedCase> cases = plans.stream().map(p -> p.toRecord("case-" + p.index(),
                p.steps().stream().map(s -> new StepRecord(s.step(), s.occurredAt(),
                        NOW.plusMillis(p.index() * 10L + s.step().ordinal()))).toList())).toList();
        return new GenerationRecord(cases, cases.stream().mapToLong(c -> c.steps().size()).sum(),
                Duration.ofSeconds(3));
    }

    @Test
    void a_record_written_as_json_lines_reads_back_the_same() throws IOException {
        GenerationRecord written = recordOf(new CasePlanner(42, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31),
                NOW).planAll(300));
        Path file = dir.resolve("out/generated-cases.jsonl");
        written.write(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(300);
        JsonNode first = GenerationRecord.JSON.readTree(lines.get(0));
        assertThat(first.propertyNames()).containsExactly("caseId", "communeCode", "category", "channel", "sex",
                "ageYears", "ethnicity", "setting", "abuseForms", "specialCircumstanceGroups", "reportedAt", "steps",
                "emergency", "helpedInTime", "successorCommune");
        assertThat(first.get("reportedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.get("steps").get(0).propertyNames()).containsExactly("step", "occurredAt", "respondedAt");
        assertThat(lines).anyMatch(l -> l.contains("\"setting\":null")).anyMatch(l -> l.contains("\"helpedInTime\":null"))
                .anyMatch(l -> l.contains("\"helpedInTime\":true")).anyMatch(l -> l.contains("\"helpedInTime\":false"));
        assertThat(String.join("\n", lines)).as("nothing personal, not even synthetic, is kept")
                .doesNotContain("Trẻ Thử", "Địa chỉ");

        GenerationRecord read = GenerationRecord.read(file);
        assertThat(read.cases()).isEqualTo(written.cases());
        assertThat(read.requests()).isEqualTo(written.requests());
        assertThat(read.byCategory()).isEqualTo(written.byCategory());
        assertThat(read.byYear()).isEqualTo(written.byYear());
        assertThat(read.elapsed()).isPositive();
    }

    @Test
    void the_expected_status_follows_the_last_step_that_changes_it() {
        GenerationRecord record = recordOf(new CasePlanner(9, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31),
                NOW).planAll(2000));
        for (GeneratedCase c : record.cases()) {
            Step last = c.steps().get(c.steps().size() - 1).step();
            CaseStatus expected = c.expectedStatus();
            switch (last) {
                case REPORTED -> assertThat(expected).isEqualTo(CaseStatus.REPORTED);
                case INITIAL_ASSESSMENT, EMERGENCY_MEASURES ->
                        assertThat(expected).isEqualTo(CaseStatus.INITIALLY_ASSESSED);
                case DETAILED_ASSESSMENT -> assertThat(expected).isEqualTo(CaseStatus.DETAILED_ASSESSED);
                case PLAN_DRAFTED -> assertThat(expected).isEqualTo(CaseStatus.PLAN_DRAFTED);
                case PLAN_APPROVED, INTERVENTION_ACCEPTED, INTERVENTION_COMPLETED, REVIEWED ->
                        assertThat(expected).isEqualTo(CaseStatus.PLAN_APPROVED);
                case CLOSED -> assertThat(expected).isEqualTo(CaseStatus.CLOSED);
            }
            assertThat(c.closed()).isEqualTo(last == Step.CLOSED);
        }
        assertThat(record.cases().stream().map(GeneratedCase::expectedStatus).distinct())
                .containsExactlyInAnyOrder(CaseStatus.REPORTED, CaseStatus.INITIALLY_ASSESSED,
                        CaseStatus.DETAILED_ASSESSED, CaseStatus.PLAN_DRAFTED, CaseStatus.PLAN_APPROVED,
                        CaseStatus.CLOSED);
    }

    @Test
    void a_partial_case_claims_no_outcome_its_deciding_step_did_not_reach() {
        PlannedCase helped = IntStream.range(0, 500).mapToObj(new CasePlanner(42, LocalDate.of(2023, 1, 1),
                        LocalDate.of(2026, 10, 31), NOW)::plan)
                .filter(p -> p.category() == CaseCategory.ABUSED && p.helpedInTime() != null).findFirst()
                .orElseThrow();
        List<StepRecord> beforeDecision = helped.steps().stream()
                .takeWhile(s -> s.step() != helped.helpDecidedBy())
                .map(s -> new StepRecord(s.step(), s.occurredAt(), NOW)).toList();
        assertThat(helped.toRecord("x", beforeDecision).helpedInTime()).isNull();
        List<StepRecord> all = helped.steps().stream().map(s -> new StepRecord(s.step(), s.occurredAt(), NOW))
                .toList();
        assertThat(helped.toRecord("x", all).helpedInTime()).isEqualTo(helped.helpedInTime());
    }

    @Test
    void the_summary_counts_categories_years_and_requests() {
        GenerationRecord record = recordOf(new CasePlanner(42, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31),
                NOW).planAll(100));
        String summary = record.summary();
        assertThat(summary).contains("Created 100 cases in 3.0 s: " + record.requests() + " requests")
                .contains("ABUSED " + record.byCategory().get(CaseCategory.ABUSED))
                .contains("2023 " + record.byYear().get(2023)).contains("requests/s");
    }
}
