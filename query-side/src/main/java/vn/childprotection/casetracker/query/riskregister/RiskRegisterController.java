package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The risk register (<i>sổ theo dõi nguy cơ</i>) for commune staff (their own commune), coordinators and auditors.
 */
@RestController
@RequestMapping("/api/v1/risk-register")
@Tag(name = "Risk register", description = "Sổ theo dõi nguy cơ — Open cases by risk level, per commune")
public class RiskRegisterController {

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
                    + "report first within a level, with the number of listed cases per commune. Each case shows "
                    + "its open deadline due first (nextDeadline) and whether a missed deadline is still pending "
                    + "(overdue, quá hạn). Closed cases are left out; a reopened case is listed again. Commune staff "
                    + "read their own commune's (the default for them; another commune: 403), coordinators and "
                    + "auditors any; others: 403.")
    public RiskRegisterView register(
            @Parameter(description = "Only cases of this commune (org unit code of type COMMUNE)")
            @RequestParam(required = false) String commune,
            @Parameter(description = "Only cases at this risk level")
            @RequestParam(required = false) RiskLevel riskLevel) {
        String readable = policy.riskRegister(currentActor.require(), commune);
        if (readable != null) {
            orgUnits.require("commune", readable, OrgUnitType.COMMUNE);
        }
        List<RiskRegisterEntry> cases = queries.openCases(readable, riskLevel);
        Map<String, Long> countsByCommune = cases.stream().collect(Collectors.groupingBy(
                RiskRegisterEntry::communeCode, TreeMap::new, Collectors.counting()));
        return new RiskRegisterView(cases, countsByCommune, cases.size());
    }
}
