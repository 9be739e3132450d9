package vn.childprotection.casetracker.query.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The overdue register (<i>danh sách quá hạn</i>): every deadline still late, the latest first, with counts per
 * commune and per agency.
 */
@Schema(name = "OverdueRegister", description = "Every missed deadline not yet fulfilled or withdrawn (quá hạn)")
public record OverdueRegisterView(
        @Schema(description = "The instant lateness is measured at (now)") Instant asOf,
        @Schema(description = "Late items, the most late first") List<OverdueItem> items,
        @Schema(description = "Number of listed items per commune code (the commune that runs the case)")
        Map<String, Long> countsByCommune,
        @Schema(description = "Number of listed INTERVENTION_DUE items per agency code")
        Map<String, Long> countsByAgency,
        @Schema(description = "Number of listed items") int total) {
}
