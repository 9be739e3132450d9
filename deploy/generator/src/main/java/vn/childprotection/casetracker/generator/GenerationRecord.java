package vn.childprotection.casetracker.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * What a run created: one {@link GeneratedCase} per line of a JSON Lines file, in the order the cases were planned.
 *
 * @param cases    the cases the service opened (a run that stopped early also lists the steps its last cases got)
 * @param requests HTTP requests sent, retries included; read back from a file, the number of accepted steps
 * @param elapsed  how long the run took; read back from a file, the span between the first and the last answer
 */
public record GenerationRecord(List<GeneratedCase> cases, long requests, Duration elapsed) {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public GenerationRecord {
        cases = List.copyOf(cases);
        Objects.requireNonNull(elapsed);
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (GeneratedCase generated : cases) {
                    writer.write(JSON.writeValueAsString(generated));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GenerationRecord read(Path file) {
        List<GeneratedCase> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cases.add(JSON.readValue(line, GeneratedCase.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instant> answers = cases.stream().flatMap(c -> c.steps().stream()).map(StepRecord::respondedAt)
                .filter(Objects::nonNull).sorted().toList();
        Duration span = answers.isEmpty() ? Duration.ZERO
                : Duration.between(answers.get(0), answers.get(answers.size() - 1));
        return new GenerationRecord(cases, cases.stream().mapToLong(c -> c.steps().size()).sum(), span);
    }

    public Map<CaseCategory, Long> byCategory() {
        Map<CaseCategory, Long> counts = new EnumMap<>(CaseCategory.class);
        for (CaseCategory category : CaseCategory.values()) {
            counts.put(category, 0L);
        }
        cases.forEach(c -> counts.merge(c.category(), 1L, Long::sum));
        return counts;
    }

    /**
     * @return cases per year of the report (Vietnam time)
     */
    public Map<Integer, Long> byYear() {
        return cases.stream().collect(Collectors.groupingBy(
                c -> c.reportedAt().atZone(CasePlanner.VIETNAM).getYear(), TreeMap::new, Collectors.counting()));
    }

    public Map<Step, Long> byStep() {
        Map<Step, Long> counts = new EnumMap<>(Step.class);
        cases.forEach(c -> c.steps().forEach(s -> counts.merge(s.step(), 1L, Long::sum)));
        return counts;
    }

    /**
     * The summary printed at the end of a run.
     */
    public String summary() {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        long abused = cases.stream().filter(c -> c.category() == CaseCategory.ABUSED).count();
        long inTime = cases.stream().filter(c -> Boolean.TRUE.equals(c.helpedInTime())).count();
        long late = cases.stream().filter(c -> Boolean.FALSE.equals(c.helpedInTime())).count();
        StringBuilder text = new StringBuilder();
        text.append(String.format("Created %d cases in %.1f s: %d requests, %.1f requests/s, %.1f cases/s%n",
                cases.size(), seconds, requests, requests / seconds, cases.size() / seconds));
        text.append("By category: ").append(join(byCategory(), CaseCategory::name)).append('\n');
        text.append("By year of report: ").append(join(byYear(), String::valueOf)).append('\n');
        text.append("By step: ").append(join(byStep(), Step::name)).append('\n');
        text.append(String.format("Abused children: %d; helped in time %d, late %d, not helped (yet) %d; "
                        + "emergencies %d; closed cases %d%n", abused, inTime, late, abused - inTime - late,
                cases.stream().filter(GeneratedCase::emergency).count(),
                cases.stream().filter(GeneratedCase::closed).count()));
        return text.toString();
    }

    private static <K> String join(Map<K, Long> counts, Function<K, String> name) {
        return counts.entrySet().stream().map(e -> name.apply(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
