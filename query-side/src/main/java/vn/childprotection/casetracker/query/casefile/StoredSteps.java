package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * The steps of the procedure as the stored case file document ({@link CaseFileDocument}) holds them: immutable
 * records, each in the JSON shape of its part of {@link CaseFileView}, personal fields sealed ({@link EncryptedText}).
 * A change makes a new record; {@code withoutSealedValues()} is the same step after the child's identity was erased.
 */
final class StoredSteps {

    private StoredSteps() {
    }

    /** The latest consent to disclosure of each party (<i>sự đồng ý</i>, Luật Trẻ em Art 21), null when none. */
    @JsonPropertyOrder({"child", "guardian"})
    record Consents(Consent child, Consent guardian) {

        static final Consents NONE = new Consents(null, null);

        Consents recorded(ConsentParty party, Consent consent) {
            return party == ConsentParty.CHILD ? new Consents(consent, guardian) : new Consents(child, consent);
        }
    }

    @JsonPropertyOrder({"status", "recordedAt"})
    record Consent(ConsentStatus status, Instant recordedAt) {
    }

    /** The child (<i>trẻ em</i>); ages in whole years at the report. */
    @JsonPropertyOrder({"childId", "sex", "ageYears", "ageEstimated", "ethnicity", "name", "birthDate", "address"})
    record Child(String childId, Sex sex, int ageYears, boolean ageEstimated, String ethnicity, EncryptedText name,
                 EncryptedText birthDate, EncryptedText address) {

        Child withoutSealedValues() {
            return new Child(childId, sex, ageYears, ageEstimated, ethnicity, null, null, null);
        }
    }

    /** The report and its intake (<i>thông báo, tiếp nhận</i>; Mẫu 01); enum lists in declaration order. */
    @JsonPropertyOrder({"category", "channel", "abuseForms", "setting", "specialCircumstanceGroups",
            "receivingOrgUnit", "reportedAt", "reporterConsent", "reporterIdentity", "narrative"})
    record Report(CaseCategory category, ReportChannel channel, List<AbuseForm> abuseForms, AbuseSetting setting,
                  List<SpecialCircumstanceGroup> specialCircumstanceGroups, String receivingOrgUnit,
                  Instant reportedAt, boolean reporterConsent, EncryptedText reporterIdentity,
                  EncryptedText narrative) {

        Report withoutSealedValues() {
            return new Report(category, channel, abuseForms, setting, specialCircumstanceGroups, receivingOrgUnit,
                    reportedAt, reporterConsent, null, null);
        }
    }

    /** <i>Đánh giá nguy cơ ban đầu</i> (Mẫu 02). */
    @JsonPropertyOrder({"assessedAt", "riskLevel", "emergency", "notes"})
    record InitialAssessment(Instant assessedAt, RiskLevel riskLevel, boolean emergency, EncryptedText notes) {

        InitialAssessment withoutSealedValues() {
            return new InitialAssessment(assessedAt, riskLevel, emergency, null);
        }
    }

    /** <i>Đánh giá nguy cơ cụ thể</i> (Mẫu 03). */
    @JsonPropertyOrder({"assessedAt", "riskLevel", "findings"})
    record DetailedAssessment(Instant assessedAt, RiskLevel riskLevel, EncryptedText findings) {

        DetailedAssessment withoutSealedValues() {
            return new DetailedAssessment(assessedAt, riskLevel, null);
        }
    }

    /** <i>Can thiệp khẩn cấp</i> (Mẫu 07), measures in the order recorded. */
    @JsonPropertyOrder({"takenAt", "measures", "temporaryRemoval", "notes"})
    record EmergencyResponse(Instant takenAt, List<EmergencyMeasure> measures, TemporaryRemoval temporaryRemoval,
                             EncryptedText notes) {

        EmergencyResponse withoutSealedValues() {
            return new EmergencyResponse(takenAt, measures, temporaryRemoval, null);
        }
    }

    /** <i>Rà soát, đánh giá</i> (Mẫu 06). */
    @JsonPropertyOrder({"reviewedAt", "riskLevel", "outcome", "notes"})
    record Review(Instant reviewedAt, RiskLevel riskLevel, ReviewOutcome outcome, EncryptedText notes) {

        Review withoutSealedValues() {
            return new Review(reviewedAt, riskLevel, outcome, null);
        }
    }

    /** <i>Kết thúc</i>. */
    @JsonPropertyOrder({"reasonCode", "closedAt", "notes", "duplicateOfCaseId"})
    record Closure(String reasonCode, Instant closedAt, EncryptedText notes, String duplicateOfCaseId) {

        Closure withoutSealedValues() {
            return new Closure(reasonCode, closedAt, null, duplicateOfCaseId);
        }
    }

    /** A reopening and the closure it ended (null when the case was not closed). */
    @JsonPropertyOrder({"reopenedAt", "previousClosure", "reason"})
    record Reopening(Instant reopenedAt, Closure previousClosure, EncryptedText reason) {

        Reopening withoutSealedValues() {
            return new Reopening(reopenedAt, previousClosure == null ? null : previousClosure.withoutSealedValues(),
                    null);
        }
    }
}
