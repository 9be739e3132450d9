package vn.childprotection.casetracker.query.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of the overdue register (<i>danh sách quá hạn</i>): deadlines still late, the latest first, the link to
 * the next page, and (on the first page) counts of the whole list per commune and per agency.
 */
@Schema(name = "OverdueRegister", description = "Missed deadlines not yet fulfilled or withdrawn (quá hạn), one page "
        + "at a time")
public record OverdueRegisterView(
        @Schema(description = "The instant lateness is measured at (now)") Instant asOf,
        @Schema(description = "Late items of this page, the most late first (then by case and deadline id)")
        List<OverdueItem> items,
        @Schema(description = "Number of items of the whole list (every page) per commune code (the commune that "
                + "runs the case), counted when the first page was read; null on the following pages",
                nullable = true)
        Map<String, Long> countsByCommune,
        @Schema(description = "Number of INTERVENTION_DUE items of the whole list per agency code, counted when the "
                + "first page was read; null on the following pages", nullable = true)
        Map<String, Long> countsByAgency,
        @Schema(description = "Number of items of the whole list (every page), counted when the first page was "
                + "read; null on the following pages", nullable = true)
        Integer total,
        @Schema(description = "Relative URL of the next page (same filters and limit, a new cursor); null on the "
                + "last page", nullable = true,
                example = "/api/v1/overdue?commune=31-xa-an-lao&cursor=AQAHb3ZlcmR1ZaUrnJQgdE8zAxgyMDI2LTAxLTA1")
        String next) {
}
