package vn.childprotection.casetracker.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * A report as recorded on Mẫu 01 (<i>phiếu ghi chép thông tin về trẻ em bị xâm hại hoặc có nguy cơ</i>).
 */
@Schema(name = "ReportCaseRequest", description = "Report received (thông báo, tiếp nhận — Mẫu 01). Fields are "
        + "'if known' on the form; category, channel, commune, the child's sex and age (or birth date) and the "
        + "reporter's consent are required here.",
        // The whole request as Swagger UI's "Try it out" sends it: a first report of a new child (no childId).
        example = """
                {"occurredAt": "2026-03-01T08:30:00Z", "communeCode": "31-xa-an-lao", "category": "ABUSED",
                 "channel": "HOTLINE_111", "abuseForms": ["VIOLENCE"], "setting": "FAMILY",
                 "specialCircumstanceGroups": [],
                 "child": {"name": "Nguyễn Văn Thử", "birthDate": "2015-06-01", "sex": "MALE", "ethnicity": "Kinh",
                           "address": "Thôn 1, xã An Lão"},
                 "reporter": {"consentToRecordIdentity": true, "identity": "Trần Thị Báo, 0900000000"},
                 "narrative": "Hàng xóm báo trẻ bị đánh nhiều lần."}""")
public record ReportCaseRequest(
        @Schema(description = "When the report was received; defaults to now. Not in the future.",
                example = "2026-03-01T08:30:00Z")
        Instant occurredAt,
        @Schema(description = "Org unit code of the commune where it happened (see GET /api/v1/org-units?type=COMMUNE)",
                requiredMode = RequiredMode.REQUIRED, example = "31-xa-an-lao")
        @NotBlank @Size(max = 64) String communeCode,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "ABUSED") @NotNull CaseCategory category,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "HOTLINE_111") @NotNull ReportChannel channel,
        @Schema(description = "Forms of abuse (Art 4); at least one when the category is ABUSED",
                example = "[\"VIOLENCE\"]") Set<@NotNull AbuseForm> abuseForms,
        @Schema(description = "Setting of the abuse (môi trường xâm hại)", example = "FAMILY") AbuseSetting setting,
        @Schema(description = "Groups of children in special circumstances (Art 10.1)", example = "[]")
        Set<@NotNull SpecialCircumstanceGroup> specialCircumstanceGroups,
        @Schema(requiredMode = RequiredMode.REQUIRED) @NotNull @Valid Child child,
        @Schema(requiredMode = RequiredMode.REQUIRED) @NotNull @Valid Reporter reporter,
        @Schema(description = "What was reported, in the receiver's words. Encrypted.",
                example = "Hàng xóm báo trẻ bị đánh nhiều lần.") @Size(max = 20000) String narrative) {

    @AssertTrue(message = "abuseForms must name at least one form of abuse when the category is ABUSED")
    @Schema(hidden = true)
    public boolean isAbuseFormsGivenForAbusedChild() {
        return category != CaseCategory.ABUSED || (abuseForms != null && !abuseForms.isEmpty());
    }

    @AssertTrue(message = "reporter.identity may be recorded only with the reporter's consent")
    @Schema(hidden = true)
    public boolean isReporterIdentityConsented() {
        return reporter == null || reporter.identity() == null || reporter.identity().isBlank()
                || Boolean.TRUE.equals(reporter.consentToRecordIdentity());
    }

    /**
     * The child (<i>trẻ em</i>: under 16). Name, birth date and address are encrypted with the child's key.
     */
    @Schema(name = "ReportedChild", description = "The child as reported now. To report again a child the commune "
            + "already knows (a case of that child is or was run by the commune in communeCode), give its childId "
            + "from that case: the new case is of the same child, counted once in the indicators (Circular "
            + "13/2021). The other fields are still required as for a new child: they are what this report says "
            + "and are sealed with the child's existing key.")
    public record Child(
            @Schema(description = "A child already known to the commune in communeCode (childId of one of its "
                    + "cases); omit for a new child. Unknown to that commune: 409 child-not-known; erased: 409 "
                    + "child-identity-erased.", example = "0b6f7c1e-2d3a-4c5b-9e8f-1a2b3c4d5e6f")
            @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    message = "must be a child id (a lowercase UUID)") @Size(max = 36) String childId,
            @Schema(description = "Full name. Encrypted.", example = "Nguyễn Văn Thử") @Size(max = 200) String name,
            @Schema(description = "Exact birth date, if known. Encrypted; the age is derived from it.",
                    example = "2015-06-01") LocalDate birthDate,
            @Schema(description = "Age in whole years (exact or estimated) when the birth date is not known",
                    example = "9", minimum = "0", maximum = "15") @Min(0) @Max(15) Integer ageYears,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "MALE") @NotNull Sex sex,
            @Schema(description = "Ethnicity (dân tộc)", example = "Kinh") @Size(max = 64) String ethnicity,
            @Schema(description = "Where the child lives. Encrypted.", example = "Thôn 1, xã An Lão")
            @Size(max = 500) String address) {

        @AssertTrue(message = "either birthDate or ageYears is required")
        @Schema(hidden = true)
        public boolean isAgeKnown() {
            return birthDate != null || ageYears != null;
        }
    }

    /**
     * Who reported. Their identity is recorded only with their consent (Mẫu 01).
     */
    @Schema(name = "Reporter")
    public record Reporter(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "true") @NotNull Boolean consentToRecordIdentity,
            @Schema(description = "Name and contact; only with consent. Encrypted.", example = "Trần Thị Báo, 0900000000")
            @Size(max = 500) String identity) {
    }
}
