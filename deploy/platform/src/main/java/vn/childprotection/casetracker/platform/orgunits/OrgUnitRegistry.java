package vn.childprotection.casetracker.platform.orgunits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The org units, loaded from a data file in the repo ({@code casetracker.org-units.location}).
 */
@Component
public class OrgUnitRegistry {

    private final Map<String, OrgUnit> units;

    public OrgUnitRegistry(@Value("${casetracker.org-units.location:classpath:orgunits/org-units.json}")
                           Resource location, JsonMapper jsonMapper) throws IOException {
        try (InputStream in = location.getInputStream()) {
            OrgUnitFile file = jsonMapper.readValue(in, OrgUnitFile.class);
            Map<String, OrgUnit> byCode = new LinkedHashMap<>();
            for (OrgUnit unit : file.orgUnits()) {
                if (byCode.put(unit.code(), unit) != null) {
                    throw new IllegalStateException("Duplicate org unit code " + unit.code() + " in " + location);
                }
            }
            for (OrgUnit unit : byCode.values()) {
                if (unit.parentCode() != null && !byCode.containsKey(unit.parentCode())) {
                    throw new IllegalStateException("Org unit " + unit.code() + " has unknown parent "
                            + unit.parentCode());
                }
            }
            this.units = Map.copyOf(byCode);
            Map<String, ReportingGroup> byGroup = new LinkedHashMap<>();
            for (ReportingGroup group : file.reportingGroups() == null ? List.<ReportingGroup>of()
                    : file.reportingGroups()) {
                if (byCode.containsKey(group.code()) || byGroup.put(group.code(), group) != null) {
                    throw new IllegalStateException("Duplicate code " + group.code() + " in " + location);
                }
            }
            this.groups = byGroup;
            this.ordered = List.copyOf(byCode.values());
        }
    }

    private final List<OrgUnit> ordered;

    private final Map<String, ReportingGroup> groups;

    public Collection<OrgUnit> all() {
        return ordered;
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(code).map(units::get);
    }

    /**
     * The unit of this code and type, or a 400 naming the field.
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
     * The area (commune, district or province) of this code, or a 400 naming the field: indicators, reports and
     * targets count the cases of an area; an agency has no area of its own.
     */
    public OrgUnit requireArea(String field, String code) {
        return require(field, code, OrgUnitType.COMMUNE, OrgUnitType.DISTRICT, OrgUnitType.PROVINCE);
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
     * The unit of this code and type that existed on {@code day} (a Vietnam day): 400 naming the field when the
     * code is unknown or of another type, {@link OrgUnitNotValid} (409 {@code org-unit-not-valid}, naming the
     * successors or predecessors) when the unit did not exist that day.
     */
    public OrgUnit requireOn(String field, String code, LocalDate day, OrgUnitType... types) {
        OrgUnit unit = require(field, code, types);
        if (!unit.validOn(day)) {
            throw new OrgUnitNotValid(field, unit, day, unit.endedBefore(day) ? successorsOf(unit) : predecessorsOf(unit));
        }
        return unit;
    }

    /** The units named as successors of {@code unit}, in the order given. */
    public List<OrgUnit> successorsOf(OrgUnit unit) {
        return unit.successors().stream().map(s -> units.get(s.code())).filter(java.util.Objects::nonNull).toList();
    }

    /** The units that name {@code unit} as a successor. */
    public List<OrgUnit> predecessorsOf(OrgUnit unit) {
        return ordered.stream().filter(u -> u.successors().stream().anyMatch(s -> s.code().equals(unit.code())))
                .toList();
    }

    record OrgUnitFile(String source, List<OrgUnit> orgUnits, List<ReportingGroup> reportingGroups) {
    }
}
