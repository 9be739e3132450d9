package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An auditor's review of a break-the-glass grant (<i>xem xét truy cập khẩn cấp</i>).
 */
@Schema(name = "GrantReviewRequest", description = "The review of a break-the-glass grant")
public record GrantReviewRequest(
        @Schema(description = "What the reviewer found: 1 to 1000 characters. Kept sealed with the child's key; once "
                + "the child's identity is erased it is not kept (it would have been shredded with the rest).",
                minLength = 1, maxLength = BreakTheGlassController.MAX_TEXT,
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Đã xác minh với Chủ tịch UBND xã: truy cập cần thiết để bảo vệ trẻ")
        String note) {
}
