package vn.childprotection.casetracker.values;

/**
 * Risk level on the scale of Mẫu 06: <i>Cao / Trung bình / Thấp</i>.
 */
public enum RiskLevel implements Labelled {
    HIGH("Cao", "High"),
    MEDIUM("Trung bình", "Medium"),
    LOW("Thấp", "Low");

    private final String labelVi;
    private final String labelEn;

    RiskLevel(String labelVi, String labelEn) {
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
