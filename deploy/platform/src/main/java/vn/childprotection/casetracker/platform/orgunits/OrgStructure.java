package vn.childprotection.casetracker.platform.orgunits;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * One version of the list of org units (<i>danh mục đơn vị hành chính</i>) and reporting groups, as known from
 * some instant: immutable. The units themselves are dated ({@link OrgUnit#validFrom()}, {@link OrgUnit#validTo()});
 * a version is what was known, a unit's dates are when it existed.
 */
public final class OrgStructure {

    private final Map<String, OrgUnit> units;
    private final List<OrgUnit> ordered;
    private final Map<String, ReportingGroup> groups;

    /**
     * @param units  the units, in display order
     * @param groups the reporting groups, or null for none
     * @throws InvalidOrgStructure naming every entry that breaks a rule of {@link OrgStructureValidator}
     */
    public OrgStructure(List<OrgUnit> units, List<ReportingGroup> groups) {
        List<OrgUnit> given = units == null ? List.of() : units;
        List<FieldProblem> problems = OrgStructureValidator.problems(given, groups);
        if (!problems.isEmpty()) {
            throw new InvalidOrgStructure(problems);
        }
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        given.forEach(unit -> byCode.put(unit.code(), unit));
        Map<String, ReportingGroup> byGroup = new LinkedHashMap<>();
        (groups == null ? List.<ReportingGroup>of() : groups).forEach(group -> byGroup.put(group.code(), group));
        this.units = Map.copyOf(byCode);
        this.ordered = List.copyOf(byCode.values());
        this.groups = byGroup;
    }

    /** Every unit, ended ones included, in display order. */
    public Collection<OrgUnit> all() {
        return ordered;
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(code).map(units::get);
    }

    /** The reporting groups ("the former An Lão district"), in file order. */
    public Collection<ReportingGroup> groups() {
        return groups.values();
    }

    /** The reporting group of this code, if any. */
    public Optional<ReportingGroup> group(String code) {
        return Optional.ofNullable(code).map(groups::get);
    }

    /**
     * The unit of this code and type, or a 400 naming the field. Timeless: use {@link #requireOn} where the step
     * has a day.
     */
    public OrgUnit require(String field, String code, OrgUnitType... types) {
        OrgUnit unit = find(code).orElseThrow(() -> new BadRequestException(field, "is not a known org unit code"));
        if (types.length > 0 && !List.of(types).contains(unit.type())) {
            throw new BadRequestException(field, "must be the code of a " + List.of(types).toString()
                    .replaceAll("[\\[\\]]", "").toLowerCase().replace(", ", " or ") + ", not of a "
                    + unit.type().name().toLowerCase());
        }
        return unit;
    }

    /**
     * The unit of this code and type that existed on {@code day} (a Vietnam day): 400 naming the field when the
     * code is unknown or of another type, {@link OrgUnitNotValid} (409 {@code org-unit-not-valid}, naming the
     * successors or predecessors) when the unit did not exist that day.
     */
    public OrgUnit requireOn(String field, String code, LocalDate day, OrgUnitType... types) {
        OrgUnit unit = require(field, code, types);
        if (!unit.validOn(day)) {
            throw new OrgUnitNotValid(field, unit, day, unit.endedBefore(day) ? insteadOf(unit) : predecessorsOf(unit));
        }
        return unit;
    }

    /**
     * The area (commune, district or province) of this code, or a 400 naming the field: indicators, reports and
     * targets count the cases of an area; an agency has no area of its own.
     */
    public OrgUnit requireArea(String field, String code) {
        return require(field, code, OrgUnitType.COMMUNE, OrgUnitType.DISTRICT, OrgUnitType.PROVINCE);
    }

    /**
     * The successors to use instead of an ended unit: those that took some of its people (a case, a report, an
     * intervention goes where the people went), or all of them when none is marked so.
     */
    private List<OrgUnit> insteadOf(OrgUnit unit) {
        List<OrgUnit> people = unit.caseSuccessors().stream().map(s -> units.get(s.code()))
                .filter(Objects::nonNull).toList();
        return people.isEmpty() ? successorsOf(unit) : people;
    }

    /** The units named as successors of {@code unit}, in the order given. */
    public List<OrgUnit> successorsOf(OrgUnit unit) {
        return unit.successors().stream().map(s -> units.get(s.code())).filter(Objects::nonNull).toList();
    }

    /** The units that name {@code unit} as a successor. */
    public List<OrgUnit> predecessorsOf(OrgUnit unit) {
        return ordered.stream().filter(u -> u.successors().stream().anyMatch(s -> s.code().equals(unit.code())))
                .toList();
    }
}
