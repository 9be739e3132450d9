package vn.childprotection.casetracker.query.disclosure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import vn.childprotection.casetracker.query.casefile.CaseFileView;
import vn.childprotection.casetracker.query.history.CaseHistoryEntry;

/**
 * A case prepared for a competent authority (<i>hồ sơ cung cấp cho cơ quan có thẩm quyền</i>): the case file with
 * its personal data opened and the case's history, with who prepared it, when, and the consents it rests on.
 */
@Schema(name = "DisclosurePackage", description = "A case with its personal data, for a competent authority")
public record DisclosurePackage(
        String caseId,
        @Schema(description = "When it was prepared") Instant preparedAt,
        @Schema(description = "Who prepared it") PreparedBy preparedBy,
        @Schema(description = "Whether the child's own consent was needed (7 or older at the report)")
        boolean childConsentRequired,
        @Schema(description = "The case file, personal data opened") CaseFileView caseFile,
        @Schema(description = "Every event of the case, without personal data") List<CaseHistoryEntry> history) {

    @Schema(name = "DisclosurePreparedBy", description = "The user who prepared the package")
    public record PreparedBy(String userId, String orgUnit, String role) {
    }
}
