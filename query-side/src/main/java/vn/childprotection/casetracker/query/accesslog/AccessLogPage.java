package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the access log, oldest first, and the link to the next page.
 *
 * @param items the entries of this page
 * @param next  the relative URL of the next page (same filters and limit, a new cursor), or null on the last page
 */
@Schema(name = "AccessLogPage", description = "One page of the access log (nhật ký truy cập), oldest first")
public record AccessLogPage(
        @Schema(description = "Entries of this page: by when read, then entry id") List<AccessLogEntry> items,
        @Schema(description = "Relative URL of the next page (same filters and limit, a new cursor); null on the "
                + "last page", nullable = true, example = "/api/v1/access-log?user=chair.anlao&limit=100"
                + "&cursor=AQAKYWNjZXNzLWxvZw") String next) {
}
