package vn.childprotection.casetracker.query.audittrail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the audit trail, oldest first, and the link to the next page.
 *
 * @param items the entries of this page
 * @param next  the relative URL of the next page (same filters and limit, a new cursor), or null on the last page
 */
@Schema(name = "AuditTrailPage", description = "One page of the inter-agency audit trail, oldest first")
public record AuditTrailPage(
        @Schema(description = "Entries of this page: by when recorded, then position in the event store, then "
                + "event id") List<AuditEntry> items,
        @Schema(description = "Relative URL of the next page (same filters and limit, a new cursor); null on the "
                + "last page", nullable = true,
                example = "/api/v1/audit-trail?caseId=3f2c...&limit=100&cursor=AQALYXVkaXQtdHJhaWw") String next) {
}
