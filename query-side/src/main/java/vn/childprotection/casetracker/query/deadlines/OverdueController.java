package vn.childprotection.casetracker.query.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * The overdue register (<i>quá hạn</i>) for coordinators, auditors, commune staff (their own commune) and agencies
 * (their own interventions): which time limits of the procedure were missed and are still not met, and how late
 * they are now.
 */
@RestController
@RequestMapping("/api/v1/overdue")
@Tag(name = "Overdue", description = "Quá hạn — Missed deadlines of the procedure that are still not met")
public class OverdueController {

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
                    + "first, with how late it is now (lateBy, ISO-8601 duration from dueAt, and lateHours), and "
                    + "the number of items per commune (the commune that runs the case now) and per agency (the "
                    + "agency of an INTERVENTION_DUE item). A deadline counts once the service has recorded its "
                    + "miss, shortly after it fell due. Commune staff read their own commune's items (the default "
                    + "for them), agency staff the items of their own agency (the default for them), coordinators "
                    + "and auditors any; asking for another commune or agency: 403.")
    public OverdueRegisterView overdue(
            @Parameter(description = "Only cases run by this commune (org unit code of type COMMUNE)")
            @RequestParam(required = false) String commune,
            @Parameter(description = "Only interventions of this agency (org unit code of an AGENCY or a COMMUNE "
                    + "given an intervention)")
            @RequestParam(required = false) String agency) {
        ReadPolicy.OverdueScope scope = policy.overdue(currentActor.require(), commune, agency);
        if (scope.commune() != null) {
            orgUnits.require("commune", scope.commune(), OrgUnitType.COMMUNE);
        }
        if (scope.agency() != null) {
            orgUnits.require("agency", scope.agency(), OrgUnitType.AGENCY, OrgUnitType.COMMUNE);
        }
        Instant now = clock.instant();
        List<OverdueItem> items = queries.missed(scope.commune(), scope.agency()).stream().map(d -> item(d, now))
                .toList();
        Map<String, Long> countsByCommune = items.stream().collect(Collectors.groupingBy(
                OverdueItem::communeCode, TreeMap::new, Collectors.counting()));
        Map<String, Long> countsByAgency = items.stream().filter(i -> i.rule() == DeadlineRule.INTERVENTION_DUE)
                .collect(Collectors.groupingBy(OverdueItem::responsibleOrgUnit, TreeMap::new, Collectors.counting()));
        return new OverdueRegisterView(now, items, countsByCommune, countsByAgency, items.size());
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
