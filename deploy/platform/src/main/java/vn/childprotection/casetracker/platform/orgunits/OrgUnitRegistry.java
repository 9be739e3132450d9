package vn.childprotection.casetracker.platform.orgunits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The org units: the list shipped in {@code casetracker.org-units.location}, as the current {@link OrgStructure}.
 * Every method below reads the current structure; {@link #asOf(Instant)} gives the one known at an instant.
 */
@Component
public class OrgUnitRegistry {

    private final OrgStructure shipped;

    public OrgUnitRegistry(@Value("${casetracker.org-units.location:classpath:orgunits/org-units.json}")
                           Resource location, JsonMapper jsonMapper) throws IOException {
        try (InputStream in = location.getInputStream()) {
            OrgUnitFile file = jsonMapper.readValue(in, OrgUnitFile.class);
            this.shipped = new OrgStructure(file.orgUnits(), file.reportingGroups());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in " + location, e);
        }
    }

    /** The structure in force now (the latest one loaded). */
    public OrgStructure current() {
        return shipped;
    }

    /** The structure that was known at {@code asOf} (UTC instant); the current one when null. */
    public OrgStructure asOf(Instant asOf) {
        return shipped;
    }

    public Collection<OrgUnit> all() {
        return current().all();
    }

    public Optional<OrgUnit> find(String code) {
        return current().find(code);
    }

    public Collection<ReportingGroup> groups() {
        return current().groups();
    }

    public Optional<ReportingGroup> group(String code) {
        return current().group(code);
    }

    /** See {@link OrgStructure#require}. */
    public OrgUnit require(String field, String code, OrgUnitType... types) {
        return current().require(field, code, types);
    }

    /** See {@link OrgStructure#requireOn}. */
    public OrgUnit requireOn(String field, String code, LocalDate day, OrgUnitType... types) {
        return current().requireOn(field, code, day, types);
    }

    /** See {@link OrgStructure#requireArea}. */
    public OrgUnit requireArea(String field, String code) {
        return current().requireArea(field, code);
    }

    public List<OrgUnit> successorsOf(OrgUnit unit) {
        return current().successorsOf(unit);
    }

    public List<OrgUnit> predecessorsOf(OrgUnit unit) {
        return current().predecessorsOf(unit);
    }

    /** The documented file format: {@code {"source": …, "orgUnits": [OrgUnit…], "reportingGroups": […]}}. */
    public record OrgUnitFile(String source, List<OrgUnit> orgUnits, List<ReportingGroup> reportingGroups) {
    }
}
