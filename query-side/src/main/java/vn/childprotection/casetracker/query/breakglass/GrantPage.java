package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of break-the-glass grants, oldest first, and the link to the next page.
 *
 * @param items the grants of this page
 * @param next  the relative URL of the next page (same filters and limit, a new cursor), or null on the last page
 */
@Schema(name = "BreakTheGlassGrantPage", description = "One page of break-the-glass grants, oldest first")
public record GrantPage(
        @Schema(description = "Grants of this page: by when granted, then grant id") List<GrantView> items,
        @Schema(description = "Relative URL of the next page (same filters and limit, a new cursor); null on the "
                + "last page", nullable = true, example = "/api/v1/break-the-glass/grants?flagged=true&limit=100"
                + "&cursor=AQAWYnJlYWstdGhlLWdsYXNz") String next) {
}
