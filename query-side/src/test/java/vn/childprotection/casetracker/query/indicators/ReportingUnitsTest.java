package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * Roll-up through an org hierarchy with dates, on a made-up province: district D with communes X and Y until
 * 30/6/2025, when X and Y merged into the new commune N directly under the province; commune Z of district E goes
 * on unchanged.
 */
class ReportingUnitsTest {

    private static final String UNITS = """
            {"source": "test", "orgUnits": [
             {"code": "P", "type": "PROVINCE", "nameVi": "P", "nameEn": "P", "parentCode": null,
              "validFrom": "2000-01-01", "validTo": null, "successorCode": null},
             {"code": "D", "type": "DISTRICT", "nameVi": "D", "nameEn": "D", "parentCode": "P",
              "validFrom": "2000-01-01", "validTo": "2025-06-30", "successorCode": null},
             {"code": "E", "type": "DISTRICT", "nameVi": "E", "nameEn": "E", "parentCode": "P",
              "validFrom": "2000-01-01", "validTo": null, "successorCode": null},
             {"code": "X", "type": "COMMUNE", "nameVi": "X", "nameEn": "X", "parentCode": "D",
              "validFrom": "2000-01-01", "validTo": "2025-06-30", "successorCode": "N"},
             {"code": "Y", "type": "COMMUNE", "nameVi": "Y", "nameEn": "Y", "parentCode": "D",
              "validFrom": "2000-01-01", "validTo": "2025-06-30", "successorCode": "N"},
             {"code": "Z", "type": "COMMUNE", "nameVi": "Z", "nameEn": "Z", "parentCode": "E",
              "validFrom": "2000-01-01", "validTo": null, "successorCode": null},
             {"code": "N", "type": "COMMUNE", "nameVi": "N", "nameEn": "N", "parentCode": "P",
              "validFrom": "2025-07-01", "validTo": null, "successorCode": null}
            ]}""";

    private static final ReportingPeriod YEAR_2024 = period("2024-01-01", "2024-12-31");
    private static final ReportingPeriod YEAR_2026 = period("2026-01-01", "2026-12-31");

    private final ReportingUnits units = new ReportingUnits(registry());

    @Test
    void a_district_adds_up_the_communes_it_had() {
        assertThat(units.communesOf("D", YEAR_2024)).containsExactlyInAnyOrder("X", "Y");
        assertThat(units.communesOf("E", YEAR_2024)).containsExactly("Z");
        assertThat(units.communesOf("P", YEAR_2024)).containsExactlyInAnyOrder("X", "Y", "Z", "N");
    }

    @Test
    void a_merged_commune_counts_its_predecessors_in_every_period_so_years_compare() {
        assertThat(units.communesOf("N", YEAR_2026)).containsExactlyInAnyOrder("N", "X", "Y");
        assertThat(units.communesOf("N", YEAR_2024)).as("last year's figures of the same area")
                .containsExactlyInAnyOrder("N", "X", "Y");
    }

    @Test
    void a_commune_alone_is_only_itself() {
        assertThat(units.communesOf("Z", YEAR_2026)).containsExactly("Z");
        assertThat(units.communesOf("X", YEAR_2024)).containsExactly("X");
    }

    @Test
    void age_bands_must_cover_every_age_of_a_child_once() {
        AgeBands bands = new AgeBands("0-5,6-10,11-15");
        assertThat(bands.labels()).containsExactly("0-5", "6-10", "11-15");
        assertThat(bands.bandOf(0)).isEqualTo("0-5");
        assertThat(bands.bandOf(6)).isEqualTo("6-10");
        assertThat(bands.bandOf(15)).isEqualTo("11-15");
        assertThatThrownBy(() -> new AgeBands("0-5,7-15")).hasMessageContaining("without gaps");
        assertThatThrownBy(() -> new AgeBands("0-5,6-12")).hasMessageContaining("must end at 15");
        assertThatThrownBy(() -> new AgeBands("young,old")).hasMessageContaining("is not a band");
    }

    private static ReportingPeriod period(String from, String to) {
        return new ReportingPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static OrgUnitRegistry registry() {
        try {
            return new OrgUnitRegistry(new ByteArrayResource(UNITS.getBytes(StandardCharsets.UTF_8)),
                    JsonMapper.builder().build());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
