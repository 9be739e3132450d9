package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of break-the-glass grants, oldest first.
 */
@Schema(name = "BreakTheGlassGrantPage", description = "One page of break-the-glass grants, oldest first")
public record GrantPage(
        List<GrantView> items,
        @Schema(description = "The page number, from 0") int page,
        @Schema(description = "The page size asked for") int size,
        @Schema(description = "Number of grants matching the filters") long totalItems,
        @Schema(description = "Number of pages of this size") long totalPages) {
}
