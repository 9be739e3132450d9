package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of the access log, oldest first.
 */
@Schema(name = "AccessLogPage", description = "One page of the access log (nhật ký truy cập), oldest first")
public record AccessLogPage(
        List<AccessLogEntry> items,
        @Schema(description = "The page number, from 0") int page,
        @Schema(description = "The page size asked for") int size,
        @Schema(description = "Number of entries matching the filters") long totalItems,
        @Schema(description = "Number of pages of this size") long totalPages) {
}
