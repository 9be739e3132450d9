package vn.childprotection.casetracker.query.audittrail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the audit trail.
 */
@Schema(name = "AuditTrailPage", description = "One page of the inter-agency audit trail, oldest first")
public record AuditTrailPage(
        List<AuditEntry> items,
        @Schema(description = "The page number, from 0") int page,
        @Schema(description = "The page size asked for") int size,
        @Schema(description = "Number of entries matching the filters") long totalItems,
        @Schema(description = "Number of pages of this size") long totalPages) {
}
