package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import vn.childprotection.casetracker.query.personaldata.UnreadableField;

/**
 * One page of the check of personal data (kiểm tra dữ liệu cá nhân): which cases, among those checked, hold sealed
 * values that cannot be opened although no erasure was recorded for them.
 *
 * @param casesChecked how many cases this page checked (in case id order)
 * @param unreadable   the cases of this page with unreadable values, and which ones; empty when all open
 * @param nextAfter    the case id to pass as {@code after} for the next page, or null when this was the last
 */
@Schema(name = "PersonalDataVerification", description = "Cases whose sealed personal values cannot be opened "
        + "without a recorded erasure (an integrity error), one page of case ids")
public record PersonalDataVerification(
        @Schema(description = "Cases checked on this page") int casesChecked,
        @Schema(description = "Cases with values that cannot be opened; empty when every value opens")
        List<UnreadableCase> unreadable,
        @Schema(description = "Pass as `after` for the next page; null on the last page", nullable = true)
        String nextAfter) {

    /**
     * A case with sealed values that cannot be opened, though no erasure was recorded for it.
     *
     * @param fields the values' paths in the case file and why each cannot be opened
     */
    @Schema(name = "UnreadableCase")
    public record UnreadableCase(String caseId, List<UnreadableField> fields) {
    }
}
