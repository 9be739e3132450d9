package vn.childprotection.casetracker.values;

/**
 * Category of a report (Mẫu 01): abused, at risk, or in special circumstances.
 */
public enum CaseCategory implements Labelled {
    ABUSED("Trẻ em bị xâm hại", "Abused child"),
    AT_RISK("Trẻ em có nguy cơ bị bạo lực, bóc lột, bỏ rơi", "Child at risk of violence, exploitation, abandonment"),
    SPECIAL_CIRCUMSTANCES("Trẻ em có hoàn cảnh đặc biệt", "Child in special circumstances");

    private final String labelVi;
    private final String labelEn;

    CaseCategory(String labelVi, String labelEn) {
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
