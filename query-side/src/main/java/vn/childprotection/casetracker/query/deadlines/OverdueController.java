package vn.childprotection.casetracker.query.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;

/**
 * The overdue register (<i>quá hạn</i>) for coordinators, auditors, commune staff (their own commune) and agencies
 * (their own interventions): which time limits of the procedure were missed and are still not met, and how late
 * they are now, one page at a time.
 */
@RestController
@RequestMapping("/api/v1/overdue")
@Tag(name = "Overdue", description = "Quá hạn — Missed deadlines of the procedure that are still not met")
public class OverdueController {

    private static final String LIST = "overdue";
    private static final int KEY_SIZE = 3;

    private final DeadlineQueries queries;
    private final OrgUnitRegistry orgUnits;
    private final Clock clock;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public OverdueController(DeadlineQueries queries, OrgUnitRegistry orgUnits, Clock clock, ReadPolicy policy,
                             CurrentActor currentActor) {
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.clock = clock;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "Read the overdue register / Xem danh sách quá hạn",
            description = "Every deadline recorded as missed and not yet fulfilled late or withdrawn, the most late "
                    + "first (then by case and deadline id), with how late it is now (lateBy, ISO-8601 duration "
                    + "from dueAt, and lateHours), one page at a time (limit, 100 by default): next is the link to "
                    + "the following page, null on the last. The first page also gives the number of items of the "
                    + "whole list (total), per commune (the commune that runs the case now) and per agency (the "
                    + "agency of an INTERVENTION_DUE item); the following pages give null for these. A cursor is "
                    + "only accepted with the filters of the page that gave it. A deadline counts once the service "
                    + "has recorded its "
                    + "miss, shortly after it fell due. Commune staff read their own commune's items (the default "
                    + "for them), agency staff the items of their own agency (the default for them), coordinators "
                    + "and auditors any; asking for another commune or agency: 403.")
    public OverdueRegisterView overdue(
            @Parameter(description = "Only cases run by this commune (org unit code of type COMMUNE)")
            @RequestParam(required = false) String commune,
            @Parameter(description = "Only interventions of this agency (org unit code of an AGENCY or a COMMUNE "
                    + "given an intervention)")
            @RequestParam(required = false) String agency,
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        ReadPolicy.OverdueScope scope = policy.overdue(currentActor.require(), commune, agency);
        if (scope.commune() != null) {
            orgUnits.require("commune", scope.commune(), OrgUnitType.COMMUNE);
        }
        if (scope.agency() != null) {
            orgUnits.require("agency", scope.agency(), OrgUnitType.AGENCY, OrgUnitType.COMMUNE);
        }
        PageRequest page = PageRequest.of(ListScope.of(LIST, "commune", scope.commune(), "agency", scope.agency()),
                limit, cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("commune", commune);
        filters.put("agency", agency);
        PageRequest.Page<MissedDeadline> missed = page.page(
                queries.missed(scope.commune(), scope.agency(), page.after(), page.rowsToRead()), DeadlineQueries::key,
                request, filters);
        Instant now = clock.instant();
        List<OverdueItem> items = missed.items().stream().map(d -> item(d, now)).toList();
        if (!page.isFirst()) {
            return new OverdueRegisterView(now, items, null, null, null, missed.next());
        }
        DeadlineQueries.LateCounts counts = queries.lateCounts(scope.commune(), scope.agency());
        return new OverdueRegisterView(now, items, counts.byCommune(), counts.byAgency(),
                Math.toIntExact(counts.total()), missed.next());
    }

    /**
     * Lateness is measured from the due instant to now, to the second; never negative (a clock behind the miss).
     */
    private static OverdueItem item(MissedDeadline d, Instant now) {
        Duration late = Duration.between(d.dueAt(), now).truncatedTo(ChronoUnit.SECONDS);
        if (late.isNegative()) {
            late = Duration.ZERO;
        }
        double hours = Math.round(late.getSeconds() / 36.0) / 100.0;
        return new OverdueItem(d.caseId(), d.deadlineId(), d.rule(), d.rule().labelVi(), d.dueAt(), d.missedAt(),
                d.responsibleOrgUnit(), d.interventionId(), d.communeCode(), late.toString(), hours);
    }
}
