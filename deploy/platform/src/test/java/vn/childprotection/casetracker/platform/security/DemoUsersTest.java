package vn.childprotection.casetracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;

/**
 * The demo users of the local default: every named user's org unit exists in the shipped list, and the users of the
 * structure in force since 1/7/2025 belong to units that exist in 2026 with the documented roles.
 */
class DemoUsersTest {

    static final OrgUnitRegistry ORG_UNITS = JwtActorConverterTest.orgUnits();
    static final LocalDate DAY_IN_2026 = LocalDate.of(2026, 11, 29);
    static final Map<String, UserAccount> USERS = DemoUsers.accounts(ORG_UNITS).stream()
            .collect(Collectors.toMap(UserAccount::username, Function.identity()));

    @Test
    void every_demo_user_belongs_to_a_unit_of_the_shipped_list() {
        assertThat(USERS.values()).allSatisfy(user ->
                assertThat(ORG_UNITS.find(user.orgUnit())).as(user.username()).isPresent());
    }

    @Test
    void the_users_of_the_new_structure_have_the_documented_unit_and_role_and_the_unit_exists_in_2026() {
        Map<String, List<String>> expected = Map.of(
                "worker.xaanlao", List.of("31-xa-an-lao", "COMMUNE_WORKER"),
                "chair.xaanlao", List.of("31-xa-an-lao", "COMMUNE_CHAIR"),
                "coordinator.xaanlao", List.of("31-xa-an-lao-culture-social", "COORDINATOR"),
                "police.xaanlao", List.of("31-xa-an-lao-police", "AGENCY_STAFF"),
                "health.xaanlao", List.of("31-xa-an-lao-health-station", "AGENCY_STAFF"),
                "coordinator.haiphong", List.of("31-health-department", "COORDINATOR"),
                "auditor.haiphong", List.of("31", "AUDITOR"),
                "dashboard.haiphong", List.of("31", "DASHBOARD"));

        expected.forEach((name, unitAndRole) -> {
            UserAccount user = USERS.get(name);
            assertThat(user).as(name).isNotNull();
            assertThat(List.of(user.orgUnit(), user.role().name())).as(name).isEqualTo(unitAndRole);
            assertThat(ORG_UNITS.find(user.orgUnit()).orElseThrow().validOn(DAY_IN_2026)).as(name).isTrue();
            assertThat(user.getPassword()).isEqualTo("{noop}" + name);
        });
    }

    @Test
    void every_commune_old_and_new_has_its_worker_and_chair() {
        List<OrgUnit> communes = ORG_UNITS.all().stream().filter(u -> u.type() == OrgUnitType.COMMUNE).toList();

        assertThat(communes).extracting(OrgUnit::code).contains("313-thai-son", "31-xa-an-khanh",
                "31-phuong-phu-lien");
        assertThat(communes).allSatisfy(commune -> {
            assertThat(USERS.get("worker." + commune.code()).role()).isEqualTo(Role.COMMUNE_WORKER);
            assertThat(USERS.get("chair." + commune.code()).role()).isEqualTo(Role.COMMUNE_CHAIR);
            assertThat(USERS.get("chair." + commune.code()).orgUnit()).isEqualTo(commune.code());
        });
    }

    @Test
    void the_earlier_demo_users_stay_unchanged_for_history() {
        assertThat(USERS.get("worker.anlao").orgUnit()).isEqualTo("313-tt-an-lao");
        assertThat(USERS.get("coordinator").orgUnit()).isEqualTo("313-labour-office");
        assertThat(USERS.get("police").orgUnit()).isEqualTo("313-police");
    }
}
