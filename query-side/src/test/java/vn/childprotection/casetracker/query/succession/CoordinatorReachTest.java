package vn.childprotection.casetracker.query.succession;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.orgunits.OrgStructure;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;

/**
 * A coordinator's area on the shipped structure: the first commune, district or province at or above its org unit.
 */
class CoordinatorReachTest {

    private final OrgStructure structure = structure();

    @Test
    void the_city_health_department_reaches_every_commune_old_and_new() {
        CoordinatorReach reach = CoordinatorReach.of(structure, "31-health-department");
        assertThat(reach.area()).isEqualTo("31");
        assertThat(reach.covers("313-thai-son")).isTrue();
        assertThat(reach.covers("31-xa-an-khanh")).isTrue();
    }

    @Test
    void a_communes_culture_and_social_affairs_office_reaches_its_commune_only() {
        CoordinatorReach reach = CoordinatorReach.of(structure, "31-xa-an-lao-culture-social");
        assertThat(reach.area()).isEqualTo("31-xa-an-lao");
        assertThat(reach.covers("31-xa-an-lao")).isTrue();
        assertThat(reach.covers("31-xa-an-khanh")).isFalse();
        assertThat(reach.covers("313-thai-son")).as("a predecessor is not under the new commune").isFalse();
    }

    @Test
    void the_old_district_labour_office_reaches_the_old_district_and_an_unknown_unit_nothing() {
        CoordinatorReach reach = CoordinatorReach.of(structure, "313-labour-office");
        assertThat(reach.area()).isEqualTo("313");
        assertThat(reach.covers("313-thai-son")).isTrue();
        assertThat(reach.covers("31-xa-an-lao")).isFalse();
        CoordinatorReach nowhere = CoordinatorReach.of(structure, "no-such-unit");
        assertThat(nowhere.area()).isNull();
        assertThat(nowhere.covers("313-thai-son")).isFalse();
    }

    private static OrgStructure structure() {
        try {
            return new OrgUnitRegistry(new ClassPathResource("orgunits/org-units.json"), JsonMapper.builder().build())
                    .current();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
