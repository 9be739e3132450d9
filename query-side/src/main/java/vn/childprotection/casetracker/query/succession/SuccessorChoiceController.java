package vn.childprotection.casetracker.query.succession;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * The coordinator's list of cases of split communes waiting for a person to choose their successor
 * (<i>chọn đơn vị kế thừa</i>).
 */
@RestController
@RequestMapping("/api/v1/coordination")
@Tag(name = "Coordination")
public class SuccessorChoiceController {

    /** The largest page asked for. */
    public static final int MAX_PAGE_SIZE = 500;

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
                    + "Oldest report first, one page at a time. A case leaves the list once a person chose "
                    + "(POST /api/v1/cases/{caseId}/successor-commune) and it was carried over. Coordinators only, "
                    + "for cases whose ceased commune or a candidate successor lies in their area (the first "
                    + "commune, district or province at or above their org unit).")
    public SuccessorChoicesView successorChoices(
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size) {
        Actor reader = currentActor.require();
        policy.successorChoices(reader);
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return choices.waiting(reader.orgUnit(), page, size);
    }
}
