package vn.childprotection.casetracker.command.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * A commune's figures for the plan's targets of one year. The body replaces the previous recording whole, so every
 * item must be sent: {@code null} when the commune does not report it. An item left out is refused rather than taken
 * as "not reported", so a client that knows only some items cannot wipe the others by accident. The two pairs that
 * make a share (children under 6 / with a health-insurance card; eligible / received the heart policy) are entered
 * whole: both or neither, the part no more than the whole; otherwise 400 naming the field.
 */
@Schema(name = "CommuneTargetsRequest", description = "Figures for the plan's targets (chỉ tiêu kế hoạch) that the "
        + "case records cannot know, for one commune and year. Replaces the previous recording whole: send every "
        + "item, null when not reported.")
public record CommuneTargetsRequest(
        @Schema(description = "When the figures were taken or reported; defaults to now",
                example = "2026-11-10T09:00:00Z") Instant occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, minimum = "0",
                description = "Số trẻ em dưới 6 tuổi trên địa bàn (children under 6 living in the commune); "
                        + "reported together with childrenUnder6WithHealthInsuranceCard (both or neither); null when "
                        + "not reported", example = "412")
        @JsonProperty(required = true) @PositiveOrZero Integer childrenUnder6,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, minimum = "0",
                description = "Số trẻ em dưới 6 tuổi được cấp thẻ BHYT (children under 6 holding a health-insurance "
                        + "card); at most childrenUnder6; reported together with it (both or neither); null when not "
                        + "reported", example = "398")
        @JsonProperty(required = true) @PositiveOrZero Integer childrenUnder6WithHealthInsuranceCard,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, minimum = "0",
                description = "Trẻ em mắc bệnh tim bẩm sinh thuộc diện hưởng chính sách theo Quyết định "
                        + "55a/2013/QĐ-TTg (eligible children with congenital heart disease); reported together with "
                        + "congenitalHeartDiseaseReceived (both or neither); null when not reported",
                example = "3")
        @JsonProperty(required = true) @PositiveOrZero Integer congenitalHeartDiseaseEligible,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, minimum = "0",
                description = "Of them, those who received the policy; at most congenitalHeartDiseaseEligible; "
                        + "reported together with it (both or neither); null when not reported", example = "3")
        @JsonProperty(required = true) @PositiveOrZero Integer congenitalHeartDiseaseReceived,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                description = "Đạt tiêu chuẩn xã, phường phù hợp với trẻ em (Quyết định 06/QĐ-TTg 2019); null when "
                        + "not reported", example = "true")
        @JsonProperty(required = true) Boolean childFriendlyCommune,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                description = "Tổ chức Tháng hành động vì trẻ em (Action Month for Children); null when not reported",
                example = "true")
        @JsonProperty(required = true) Boolean actionMonthHeld,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                description = "Tổ chức Tết Trung thu (Mid-Autumn festival); null when not reported", example = "true")
        @JsonProperty(required = true) Boolean midAutumnFestivalHeld,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                description = "Tổ chức Diễn đàn trẻ em (Children's Forum); null when not reported", example = "false")
        @JsonProperty(required = true) Boolean childrenForumHeld) {
}
