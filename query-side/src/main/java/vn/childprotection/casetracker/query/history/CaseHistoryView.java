package vn.childprotection.casetracker.query.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The history of one case (<i>lịch sử vụ việc</i>), possibly as it stood at a past instant.
 */
@Schema(name = "CaseHistory", description = "Every event of a case in order (lịch sử vụ việc)")
public record CaseHistoryView(
        String caseId,
        @Schema(description = "Only events recorded at or before this instant; null for the whole history")
        Instant asOf,
        List<CaseHistoryEntry> entries) {
}
