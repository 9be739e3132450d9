package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * Roll-up through an org structure with dates, on a made-up province P: district D with communes X, Y and S until
 * 30/6/2025, when X and Y merged whole into the new commune N directly under P, S was split between N and M (both
 * took people) and gave land only to L; commune Z of district E goes on unchanged. Reporting group G is "the former
 * district D": D and the new communes N and M (not L).
 */
class ReportingUnitsTest {

    private static final String UNITS = """
            {"source": "test", "orgUnits": [
             %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s
            ], "reportingGroups": [
             {"code": "G", "nameVi": "Địa bàn huyện D cũ", "nameEn": "The former district D",
              "members": ["D", "N", "M"], "basis": "test"}
            ]}""".formatted(
            unit("P", "PROVINCE", null, "2000-01-01", null, "[]"),
            unit("D", "DISTRICT", "P", "2000-01-01", "2025-06-30", "[]"),
            unit("E", "DISTRICT", "P", "2000-01-01", null, "[]"),
            unit("X", "COMMUNE", "D", "2000-01-01", "2025-06-30", successor("N", "WHOLE", true)),
            unit("Y", "COMMUNE", "D", "2000-01-01", "2025-06-30", successor("N", "WHOLE", true)),
            unit("S", "COMMUNE", "D", "2000-01-01", "2025-06-30", "[" + part("N", true) + ", " + part("M", true)
                    + ", " + part("L", false) + "]"),
            unit("Z", "COMMUNE", "E", "2000-01-01", null, "[]"),
            unit("N", "COMMUNE", "P", "2025-07-01", null, "[]"),
            unit("M", "COMMUNE", "P", "2025-07-01", null, "[]"),
            unit("L", "COMMUNE", "P", "2025-07-01", null, "[]"),
            unit("D-police", "AGENCY", "D", "2000-01-01", "2025-06-30", "[]"));

    private final ReportingUnits units = new ReportingUnits(registry());

    @Test
    void a_district_adds_up_the_communes_it_had_and_the_province_every_commune_it_ever_had() {
        assertThat(units.scope("D", null, false).communes()).containsExactly("X", "Y", "S");
        assertThat(units.scope("E", null, false).communes()).containsExactly("Z");
        assertThat(units.scope("P", null, false).communes())
                .containsExactly("X", "Y", "S", "Z", "N", "M", "L");
    }

    @Test
    void a_new_commune_alone_is_only_itself_unless_its_predecessors_are_asked_for() {
        ReportingScope alone = units.scope("N", null, false);
        assertThat(alone.communes()).containsExactly("N");
        assertThat(alone.splitPredecessors()).isEmpty();
        assertThat(alone.includePredecessors()).isFalse();
    }

    @Test
    void with_its_predecessors_a_new_commune_adds_those_merged_into_it_and_flags_the_split_one() {
        ReportingScope trend = units.scope("N", null, true);
        assertThat(trend.communes()).containsExactlyInAnyOrder("N", "X", "Y", "S");
        assertThat(trend.splitPredecessors()).containsExactly("S");
        assertThat(trend.includePredecessors()).isTrue();
        ReportingScope other = units.scope("M", null, true);
        assertThat(other.communes()).as("the split commune is added to each successor that took people")
                .containsExactlyInAnyOrder("M", "S");
        assertThat(other.splitPredecessors()).containsExactly("S");
    }

    @Test
    void a_successor_that_took_land_only_adds_no_predecessor() {
        assertThat(units.scope("L", null, true).communes()).containsExactly("L");
    }

    @Test
    void a_reporting_group_adds_up_its_members_and_everything_under_them() {
        ReportingScope group = units.scope("G", null, false);
        assertThat(group.reportingGroup()).isTrue();
        assertThat(group.nameVi()).isEqualTo("Địa bàn huyện D cũ");
        assertThat(group.communes()).containsExactlyInAnyOrder("X", "Y", "S", "N", "M");
    }

    @Test
    void an_unknown_code_or_an_agency_is_not_an_area() {
        assertThatThrownBy(() -> units.require("orgUnit", "nowhere", null, false))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems().get(0).problem())
                        .isEqualTo("is not a known org unit or reporting group code"));
        assertThatThrownBy(() -> units.require("orgUnit", "D-police", null, false))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("orgUnit"));
        assertThat(units.require("orgUnit", "G", null, false).communes()).hasSize(5);
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

    private static String unit(String code, String type, String parent, String from, String to, String successors) {
        return """
                {"code": "%s", "type": "%s", "statisticsCode": null, "nameVi": "%s", "nameEn": "%s",
                 "parentCode": %s, "validFrom": "%s", "validTo": %s, "successors": %s, "basis": "test",
                 "confirmed": true}""".formatted(code, type, code, code, parent == null ? "null" : "\"" + parent
                + "\"", from, to == null ? "null" : "\"" + to + "\"", successors);
    }

    private static String successor(String code, String how, boolean takesPeople) {
        return "[" + link(code, how, takesPeople) + "]";
    }

    private static String part(String code, boolean takesPeople) {
        return link(code, "PART", takesPeople);
    }

    private static String link(String code, String how, boolean takesPeople) {
        return """
                {"code": "%s", "how": "%s", "takesPeople": %s, "basis": "test", "confirmed": true}"""
                .formatted(code, how, takesPeople);
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
