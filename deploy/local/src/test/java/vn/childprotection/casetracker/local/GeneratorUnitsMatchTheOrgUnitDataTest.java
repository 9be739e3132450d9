package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.generator.CasePlanner;
import vn.childprotection.casetracker.generator.Reform2025;

/**
 * The generator's copy of the 2025 reform ({@link Reform2025}) says what the service's {@code org-units.json} says:
 * the same communes with the same validity, the same successors that took people, and every agency it assigns an
 * intervention to exists on the days it is used. Read from the data file itself, no service started.
 */
class GeneratorUnitsMatchTheOrgUnitDataTest {

    private static final Map<String, JsonNode> UNITS = new HashMap<>();

    @BeforeAll
    static void readTheDataFile() throws IOException {
        try (InputStream in = GeneratorUnitsMatchTheOrgUnitDataTest.class
                .getResourceAsStream("/orgunits/org-units.json")) {
            assertThat(in).as("org-units.json on the classpath").isNotNull();
            JsonMapper.builder().build().readTree(in).get("orgUnits").values()
                    .forEach(unit -> UNITS.put(unit.get("code").asString(), unit));
        }
    }

    @Test
    void old_communes_end_on_30_june_2025_with_the_successors_the_generator_moves_their_cases_to() {
        for (Map.Entry<String, List<String>> entry : Reform2025.SUCCESSORS.entrySet()) {
            JsonNode unit = UNITS.get(entry.getKey());
            assertThat(unit).as(entry.getKey()).isNotNull();
            assertThat(unit.get("type").asString()).isEqualTo("COMMUNE");
            assertThat(unit.get("validTo").asString()).isEqualTo("2025-06-30");
            List<JsonNode> successors = unit.get("successors").values().stream()
                    .filter(s -> s.get("takesPeople").asBoolean()).toList();
            assertThat(successors.stream().map(s -> s.get("code").asString()))
                    .as("successors of %s that took people", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(entry.getValue());
            boolean whole = successors.size() == 1 && unit.get("successors").size() == 1
                    && successors.get(0).get("how").asString().equals("WHOLE");
            assertThat(Reform2025.mergedWhole(entry.getKey())).as("%s merged whole", entry.getKey()).isEqualTo(whole);
        }
        assertThat(CasePlanner.COMMUNE_CODES.stream().filter(Reform2025::isOld))
                .containsExactlyInAnyOrderElementsOf(Reform2025.SUCCESSORS.keySet());
    }

    @Test
    void new_communes_and_their_agencies_exist_from_1_july_2025_and_the_police_as_the_generator_assigns_it() {
        List<String> newCommunes = CasePlanner.COMMUNE_CODES.stream().filter(c -> !Reform2025.isOld(c)).toList();
        assertThat(newCommunes).hasSize(6);
        newCommunes.stream()
                .flatMap(c -> Stream.of(c, c + "-police", c + "-health-station", c + "-culture-social"))
                .forEach(code -> {
                    assertThat(UNITS).as(code).containsKey(code);
                    assertThat(UNITS.get(code).get("validFrom").asString()).as(code)
                            .isEqualTo(Reform2025.FIRST_NEW_DAY.toString());
                });
        assertThat(UNITS.get("313-police").get("validTo").asString())
                .isEqualTo(Reform2025.LAST_DISTRICT_POLICE_DAY.toString());
        assertThat(UNITS.get("31-police").get("validFrom").asString())
                .isEqualTo(Reform2025.LAST_DISTRICT_POLICE_DAY.plusDays(1).toString());
        assertThat(UNITS.get("313-health-centre").get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(LocalDate.parse(UNITS.get("31-health-department").get("validFrom").asString()))
                .isBeforeOrEqualTo(Reform2025.FIRST_NEW_DAY);
    }
}
