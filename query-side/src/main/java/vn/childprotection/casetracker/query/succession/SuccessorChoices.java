package vn.childprotection.casetracker.query.succession;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.orgunits.OrgStructure;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageRequest;
import vn.childprotection.casetracker.query.succession.SuccessorChoice.Candidate;

/**
 * The split-unit work list (<i>hồ sơ chờ chọn đơn vị kế thừa</i>): open cases whose commune had ceased by today
 * (Vietnam day, from the clock) without one successor taking it whole ({@link OrgUnit#wholeSuccessor()} empty: Thái
 * Sơn and Trường Sơn on 1/7/2025, Nghị quyết 1669/NQ-UBTVQH15), and that no carry-over has moved yet. A person
 * chooses the successor among {@link OrgUnit#caseSuccessors()} ({@code POST /api/v1/cases/{id}/successor-commune}
 * on the command side); the {@code CaseCarriedOver} it records moves the case, which then leaves the list.
 */
@Service
public class SuccessorChoices {

    private static final String LIST = "successor-choices";
    private static final int KEY_SIZE = 2;

    private final OrgUnitRegistry orgUnits;
    private final SuccessorChoiceQueries queries;
    private final Clock clock;

    public SuccessorChoices(OrgUnitRegistry orgUnits, SuccessorChoiceQueries queries, Clock clock) {
        this.orgUnits = orgUnits;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * One page of the cases waiting within the reach of a coordinator of {@code coordinatorOrgUnit}: a case counts
     * when its ceased commune or one of the successors to choose from lies in the coordinator's area.
     *
     * @param limit   rows per page as the caller sent it (1 to 1000), or null for 100
     * @param cursor  the cursor of the previous page's next link, or null for the first page; it is only accepted
     *                for the same area and split communes
     * @param request the request answered: the next link keeps its path
     * @throws vn.childprotection.casetracker.platform.problem.BadRequestException naming {@code limit} or
     *                                                                             {@code cursor}
     */
    public SuccessorChoicesView waiting(String coordinatorOrgUnit, Integer limit, String cursor,
                                        HttpServletRequest request) {
        OrgStructure structure = orgUnits.current();
        LocalDate today = LocalDate.now(clock.withZone(TimeRule.VIETNAM));
        CoordinatorReach reach = CoordinatorReach.of(structure, coordinatorOrgUnit);
        Map<String, OrgUnit> split = new LinkedHashMap<>();
        for (OrgUnit unit : structure.all()) {
            if (unit.type() == OrgUnitType.COMMUNE && unit.endedBefore(today) && unit.wholeSuccessor().isEmpty()
                    && (reach.covers(unit.code())
                    || unit.caseSuccessors().stream().anyMatch(s -> reach.covers(s.code())))) {
                split.put(unit.code(), unit);
            }
        }
        PageRequest page = PageRequest.of(ListScope.of(LIST, "area", reach.area(), "communes",
                String.join(",", split.keySet())), limit, cursor, KEY_SIZE);
        PageRequest.Page<SuccessorChoice> items = page.page(
                queries.open(split.keySet(), page.after(), page.rowsToRead()).stream()
                        .map(open -> choice(structure, split.get(open.communeCode()), open)).toList(),
                SuccessorChoiceQueries::key, request, Map.of());
        Long total = page.isFirst() ? queries.countOpen(split.keySet()) : null;
        return new SuccessorChoicesView(today, reach.area(), items.items(), total, items.next());
    }

    private static SuccessorChoice choice(OrgStructure structure, OrgUnit commune,
                                          SuccessorChoiceQueries.OpenCase open) {
        List<Candidate> candidates = commune.caseSuccessors().stream().map(s -> {
            OrgUnit successor = structure.find(s.code()).orElse(null);
            return new Candidate(s.code(), successor == null ? s.code() : successor.nameVi(),
                    successor == null ? s.code() : successor.nameEn(), s.confirmed());
        }).toList();
        return new SuccessorChoice(open.caseId(), commune.code(), commune.nameVi(), commune.nameEn(),
                commune.validTo().plusDays(1), open.reportedAt(), candidates, open.overdueLimits());
    }
}
