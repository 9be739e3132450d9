package vn.childprotection.casetracker.query.succession;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.RetiredPageParameters;

/**
 * The coordinator's list of cases of split communes waiting for a person to choose their successor
 * (<i>chọn đơn vị kế thừa</i>).
 */
@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "Coordination")
public class SuccessorChoiceController {

    private final SuccessorChoices choices;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public SuccessorChoiceController(SuccessorChoices choices, ReadPolicy policy, CurrentActor currentActor) {
        this.choices = choices;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/successor-choices")
    @Operation(summary = "List cases waiting for their successor commune / Hồ sơ chờ chọn đơn vị kế thừa",
            description = "Open cases whose commune ceased before today (Vietnam day) and was split, so no successor "
                    + "took it whole (Thái Sơn, Trường Sơn on 1/7/2025): each with its commune, the day it has "
                    + "waited since (the day after the commune's last day), the successors to choose from (code, "
                    + "names, whether the succession is confirmed) and how many of its time limits are missed. "
                    + "Oldest report first (then by case id), one page at a time (limit, 100 by default): next is "
                    + "the link to the following page, null on the last; the first page also gives the number of "
                    + "cases of the whole list (total), the following pages null (page and size, the page numbers "
                    + "of API 0.3, are refused). A case leaves the list once a person chose "
                    + "(POST /api/v1/cases/{caseId}/successor-commune) and it was carried over. Coordinators only, "
                    + "for cases whose ceased commune or a candidate successor lies in their area (the first "
                    + "commune, district or province at or above their org unit).")
    public SuccessorChoicesView successorChoices(
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        Actor reader = currentActor.require();
        policy.successorChoices(reader);
        RetiredPageParameters.refuse(request);
        return choices.waiting(reader.orgUnit(), limit, cursor, request);
    }
}
