package vn.childprotection.casetracker.platform.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childprotection.casetracker.platform.orgunits.OrgUnits.FIRST;
import static vn.childprotection.casetracker.platform.orgunits.OrgUnits.REFORM_DAY;
import static vn.childprotection.casetracker.platform.orgunits.OrgUnits.REFORM_EVE;
import static vn.childprotection.casetracker.platform.orgunits.OrgUnits.unit;
import static vn.childprotection.casetracker.platform.orgunits.OrgUnits.whole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * The rules every list of org units must meet, one small broken list per rule, and the shipped list meeting all.
 */
class OrgStructureValidationTest {

    @Test
    void the_shipped_list_meets_every_rule() {
        OrgUnitRegistry.OrgUnitFile shipped = OrgUnits.shipped();

        assertThat(OrgStructureValidator.problems(shipped.orgUnits(), shipped.reportingGroups())).isEmpty();
    }

    @Test
    void a_valid_list_has_no_problem() {
        assertThat(OrgStructureValidator.problems(OrgUnits.reform(), OrgUnits.groups())).isEmpty();
    }

    @Test
    void a_code_used_twice_is_refused_also_between_a_unit_and_a_group() {
        List<OrgUnit> units = with(unit("x", OrgUnitType.AGENCY, null, "p", FIRST, null));
        List<ReportingGroup> groups = List.of(new ReportingGroup("n", "Nhóm", "Group", List.of("n"), "test"));

        assertThat(OrgStructureValidator.problems(units, groups)).containsExactly(
                new FieldProblem("orgUnits[6].code", "x: the code is used by another unit"),
                new FieldProblem("reportingGroups[0].code", "n: the code is used by a unit or another group"));
    }

    @Test
    void an_unknown_parent_is_refused() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "q", FIRST, null));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[6].parentCode", "a: its parent q is not a unit of the list"));
    }

    @Test
    void an_unknown_successor_is_refused() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "d", FIRST, REFORM_EVE, whole("z")));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[6].successors[0].code", "a: its successor z is not another unit of the "
                        + "list"));
    }

    @Test
    void a_last_day_before_the_first_day_is_refused() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "p", REFORM_DAY, REFORM_EVE));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[6].validTo", "a: its last day 2025-06-30 is before its first day "
                        + "2025-07-01"));
    }

    @Test
    void two_units_with_one_statistics_code_on_the_same_day_are_refused() {
        List<OrgUnit> units = with(unit("k", OrgUnitType.COMMUNE, "90002", "p", REFORM_EVE, null));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[6].statisticsCode", "k: statistics code 90002 is also that of y "
                        + "(orgUnits[3]) on days both exist (from 2025-06-30 on and from 2000-01-01 to 2025-06-30)"));
    }

    @Test
    void a_statistics_code_reused_after_its_unit_ended_is_accepted() {
        assertThat(OrgUnits.reform()).filteredOn(u -> "90001".equals(u.statisticsCode())).hasSize(2);
        assertThat(OrgStructureValidator.problems(OrgUnits.reform(), List.of())).isEmpty();
    }

    @Test
    void a_successor_must_exist_on_the_day_after_the_last_day() {
        List<OrgUnit> units = new ArrayList<>(OrgUnits.reform());
        units.set(4, unit("n", OrgUnitType.COMMUNE, "90001", "p", LocalDate.of(2025, 7, 2), null));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[2].successors[0].code", "x: its successor n does not exist on "
                        + "2025-07-01, the day after this unit's last day (it exists from 2025-07-02 on)"),
                new FieldProblem("orgUnits[3].successors[0].code", "y: its successor n does not exist on "
                        + "2025-07-01, the day after this unit's last day (it exists from 2025-07-02 on)"));
    }

    @Test
    void a_unit_that_names_successors_must_have_ended() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "p", FIRST, null, whole("n")));

        assertThat(OrgStructureValidator.problems(units, List.of())).extracting(FieldProblem::field)
                .contains("orgUnits[6].successors");
    }

    @Test
    void a_unit_must_end_when_its_parent_ends() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "d", FIRST, null));

        assertThat(OrgStructureValidator.problems(units, List.of())).containsExactly(
                new FieldProblem("orgUnits[6].parentCode", "a: its parent d exists from 2000-01-01 to 2025-06-30, "
                        + "not over the whole of this unit's from 2000-01-01 on; a unit whose parent ends must end "
                        + "too"));
    }

    @Test
    void a_unit_may_not_begin_before_its_parent() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "n", FIRST, null));

        assertThat(OrgStructureValidator.problems(units, List.of())).extracting(FieldProblem::field)
                .containsExactly("orgUnits[6].parentCode");
    }

    @Test
    void a_group_member_must_be_a_unit_of_the_list() {
        List<ReportingGroup> groups = List.of(new ReportingGroup("former-d", "Địa bàn huyện D cũ", "Former D",
                List.of("d", "q"), "test"));

        assertThat(OrgStructureValidator.problems(OrgUnits.reform(), groups)).containsExactly(
                new FieldProblem("reportingGroups[0].members[1]", "former-d: member q is not a unit of the list"));
    }

    @Test
    void missing_code_type_names_and_first_day_are_each_named() {
        List<OrgUnit> units = with(new OrgUnit(null, null, "1", " ", null, "p", null, null, null, null, false));

        assertThat(OrgStructureValidator.problems(units, List.of())).extracting(FieldProblem::field)
                .containsExactly("orgUnits[6].code", "orgUnits[6].type", "orgUnits[6].nameVi", "orgUnits[6].nameEn",
                        "orgUnits[6].statisticsCode", "orgUnits[6].validFrom");
    }

    @Test
    void a_structure_that_breaks_a_rule_is_not_built() {
        List<OrgUnit> units = with(unit("a", OrgUnitType.AGENCY, null, "q", FIRST, null));

        assertThatThrownBy(() -> new OrgStructure(units, List.of()))
                .isInstanceOf(InvalidOrgStructure.class)
                .hasMessage("orgUnits[6].parentCode: a: its parent q is not a unit of the list");
    }

    private static List<OrgUnit> with(OrgUnit extra) {
        List<OrgUnit> units = new ArrayList<>(OrgUnits.reform());
        units.add(extra);
        return units;
    }
}
