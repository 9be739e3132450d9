package vn.childprotection.casetracker.platform.orgunits;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.OrgStructureChanged;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.Actor;

/**
 * Loads a new list of org units: validates it (the rules of {@link OrgStructureValidator}, and every code of the
 * current list kept with its type, since a code is never removed or reused), records it as
 * {@link OrgStructureChanged} with the next version and makes it the current structure. A list that breaks a rule
 * is refused with 400 naming each problem and nothing is recorded.
 */
@Component
public class OrgStructureLoader {

    private final OrgUnitRegistry registry;
    private final Clock clock;

    public OrgStructureLoader(OrgUnitRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @param request         the new list and its legal basis
     * @param actor           who loads it (recorded in the event's metadata)
     * @param expectedVersion the version the list was based on ({@code If-Match}), or null for the latest known
     * @return the recorded version
     * @throws BadRequestException   when the list breaks a rule (400, field problems)
     * @throws OrgStructureConflict  when {@code expectedVersion} is not the latest, or another loading was recorded
     *                               first (409)
     * @throws IllegalStateException when this process has no event store to record in
     */
    public OrgStructureVersion load(LoadOrgUnitsRequest request, Actor actor, Integer expectedVersion) {
        List<ReportingGroup> groups = request.reportingGroups() == null ? List.of() : request.reportingGroups();
        OrgStructure structure;
        try {
            structure = new OrgStructure(request.orgUnits(), groups);
        } catch (InvalidOrgStructure e) {
            throw new BadRequestException(e.problems());
        }
        OrgStructureVersion latest = registry.history().latest();
        int version = latest.version() + 1;
        if (expectedVersion != null && expectedVersion != latest.version()) {
            throw new OrgStructureConflict(version, latest.version());
        }
        List<FieldProblem> dropped = dropped(latest, request.orgUnits());
        if (!dropped.isEmpty()) {
            throw new BadRequestException(dropped);
        }
        OrgStructureEvents events = registry.events();
        if (events == null) {
            throw new IllegalStateException("No event store to record the org units in");
        }
        String document = OrgStructureDocument.write(new OrgUnitRegistry.OrgUnitFile(request.legalBasis(),
                request.orgUnits(), groups));
        String sha256 = OrgStructureDocument.sha256(document);
        // The event store keeps time stamps to the millisecond: recorded and read back, a version has one time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            events.append(new OrgStructureChanged(version, now, request.legalBasis(), document, sha256), actor);
        } catch (OrgStructureConflict e) {
            registry.refresh();
            throw e;
        }
        OrgStructureVersion recorded = new OrgStructureVersion(version, sha256, now, request.legalBasis(),
                actor.username(), structure);
        registry.recorded(recorded);
        return recorded;
    }

    private static List<FieldProblem> dropped(OrgStructureVersion latest, List<OrgUnit> units) {
        Map<String, OrgUnit> byCode = units.stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        for (OrgUnit old : latest.structure().all()) {
            OrgUnit now = byCode.get(old.code());
            if (now == null) {
                problems.add(new FieldProblem("orgUnits", old.code() + ": the unit of version " + latest.version()
                        + " is missing; a code is never removed or reused: end the unit with its last day "
                        + "(validTo) instead"));
            } else if (now.type() != old.type()) {
                problems.add(new FieldProblem("orgUnits", old.code() + ": was a " + old.type() + " in version "
                        + latest.version() + "; a code keeps its meaning: give the new unit a new code"));
            }
        }
        return problems;
    }
}
