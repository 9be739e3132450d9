package vn.childprotection.casetracker.query.disclosure;

import java.util.ArrayList;
import java.util.List;
import vn.childprotection.casetracker.query.casefile.CaseFileView;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;

/**
 * When a child's information may be disclosed (<i>cung cấp thông tin</i>; Luật Trẻ em Art 21, PDP Law 2025): with
 * the consent of the parent or guardian and, when the child was 7 or older at the report, of the child too. The
 * latest record of each party counts, so a withdrawal stops disclosure from then on.
 */
final class ConsentRule {

    /**
     * From this age (in whole years at the report) the child's own consent is needed as well.
     */
    static final int CHILD_CONSENT_AGE = 7;

    private ConsentRule() {
    }

    static boolean childConsentRequired(int ageYearsAtReport) {
        return ageYearsAtReport >= CHILD_CONSENT_AGE;
    }

    /**
     * The parties whose consent is missing, refused or withdrawn; empty when disclosure is allowed.
     */
    static List<ConsentGap> gaps(CaseFileView.Consents consents, int ageYearsAtReport) {
        List<ConsentGap> gaps = new ArrayList<>();
        gap(ConsentParty.GUARDIAN, consents.guardian(), gaps);
        if (childConsentRequired(ageYearsAtReport)) {
            gap(ConsentParty.CHILD, consents.child(), gaps);
        }
        return gaps;
    }

    private static void gap(ConsentParty party, CaseFileView.Consent consent, List<ConsentGap> gaps) {
        if (consent == null || consent.status() == null) {
            gaps.add(new ConsentGap(party, "MISSING"));
        } else if (consent.status() != ConsentStatus.GIVEN) {
            gaps.add(new ConsentGap(party, consent.status().name()));
        }
    }
}
