package vn.childprotection.casetracker.values;

/**
 * The state of one party's consent to disclosure. Withdrawal stops disclosure from then on (PDP Law 2025).
 */
public enum ConsentStatus implements Labelled {
    GIVEN("Đồng ý", "Given"),
    REFUSED("Không đồng ý", "Refused"),
    WITHDRAWN("Rút lại sự đồng ý", "Withdrawn");

    private final String labelVi;
    private final String labelEn;

    ConsentStatus(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    @Override
    public String labelVi() {
        return labelVi;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
