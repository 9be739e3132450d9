package vn.childprotection.casetracker.query.breakglass;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Asking for emergency access to a case (<i>truy cập khẩn cấp</i>).
 */
@Schema(name = "BreakTheGlassRequest", description = "Why emergency access to this case is needed")
public record BreakTheGlassRequest(
        @Schema(description = "Why, for the auditor who reviews it: 15 to 1000 characters. Kept sealed with the "
                + "child's key.", minLength = BreakTheGlassController.MIN_REASON,
                maxLength = BreakTheGlassController.MAX_TEXT, requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Cuộc gọi khẩn cấp ngoài giờ hành chính, không liên lạc được với UBND xã đang xử lý")
        String reason) {
}
