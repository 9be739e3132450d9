package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
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
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The risk register (<i>sổ theo dõi nguy cơ</i>) for commune staff (their own commune), coordinators and auditors,
 * one page at a time.
 */
@RestController
@RequestMapping("/api/v1/risk-register")
@Tag(name = "Risk register", description = "Sổ theo dõi nguy cơ — Open cases by risk level, per commune")
public class RiskRegisterController {

    private static final String LIST = "risk-register";
    private static final int KEY_SIZE = 3;

    private final RiskRegisterQueries queries;
    private final OrgUnitRegistry orgUnits;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public RiskRegisterController(RiskRegisterQueries queries, OrgUnitRegistry orgUnits, ReadPolicy policy,
                                  CurrentActor currentActor) {
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "Read the risk register / Xem sổ theo dõi nguy cơ",
            description = "Open cases ordered by risk level (HIGH, MEDIUM, LOW, then not yet assessed), oldest "
                    + "report first within a level, then by case id, one page at a time (limit, 100 by default): "
                    + "next is the link to the following page, null on the last. The first page also gives the "
                    + "number of cases of the whole list, in all (total) and per commune (countsByCommune); the "
                    + "following pages give null for both. Each case shows its open deadline due first "
                    + "(nextDeadline) and whether a missed deadline is still pending (overdue, quá hạn). Closed "
                    + "cases are left out; a reopened case is listed again. Commune staff read their own commune's "
                    + "(the default for them; another commune: 403), coordinators and auditors any; others: 403. "
                    + "A cursor is only accepted with the filters of the page that gave it.")
    public RiskRegisterView register(
            @Parameter(description = "Only cases of this commune (org unit code of type COMMUNE)")
            @RequestParam(required = false) String commune,
            @Parameter(description = "Only cases at this risk level")
            @RequestParam(required = false) RiskLevel riskLevel,
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        String readable = policy.riskRegister(currentActor.require(), commune);
        if (readable != null) {
            orgUnits.require("commune", readable, OrgUnitType.COMMUNE);
        }
        PageRequest page = PageRequest.of(ListScope.of(LIST, "commune", readable, "riskLevel", riskLevel), limit,
                cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("commune", commune);
        filters.put("riskLevel", riskLevel);
        PageRequest.Page<RiskRegisterEntry> cases = page.page(
                queries.page(readable, riskLevel, page.after(), page.rowsToRead()), RiskRegisterQueries::key,
                request, filters);
        if (!page.isFirst()) {
            return new RiskRegisterView(cases.items(), null, null, cases.next());
        }
        Map<String, Long> countsByCommune = queries.countsByCommune(readable, riskLevel);
        int total = Math.toIntExact(countsByCommune.values().stream().mapToLong(Long::longValue).sum());
        return new RiskRegisterView(cases.items(), countsByCommune, total, cases.next());
    }
}
