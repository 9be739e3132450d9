package vn.childprotection.casetracker.query.succession;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of the split-unit work list (<i>hồ sơ chờ chọn đơn vị kế thừa</i>).
 *
 * @param today the Vietnam day the list was made for (a commune that ended before it has ceased)
 * @param area  the area of the coordinator the list is for (org unit code), or null when none
 * @param items the cases of this page, oldest report first (then by case id)
 * @param total how many cases wait in all (every page), counted when the first page was read; null on the
 *              following pages
 * @param next  the relative URL of the next page (same limit, a new cursor), or null on the last page
 */
@Schema(name = "SuccessorChoices", description = "Cases of split communes waiting for their successor to be chosen")
public record SuccessorChoicesView(
        LocalDate today,
        String area,
        List<SuccessorChoice> items,
        @Schema(description = "Number of cases of the whole list (every page), counted when the first page was "
                + "read; null on the following pages", nullable = true) Long total,
        @Schema(description = "Relative URL of the next page (same limit, a new cursor); null on the last page",
                nullable = true, example = "/api/v1/coordination/successor-choices?limit=50"
                + "&cursor=AQARc3VjY2Vzc29yLWNob2ljZXM") String next) {
}
