package vn.childprotection.casetracker.values;

/**
 * Whose consent to disclose a child's information is recorded (Luật Trẻ em Art 6, 21; PDP Law 2025): the child's
 * own from the age of 7, and the parent's or guardian's.
 */
public enum ConsentParty implements Labelled {
    CHILD("Trẻ em (từ đủ 7 tuổi trở lên)", "The child (aged 7 or over)"),
    GUARDIAN("Cha, mẹ, người giám hộ", "Parent or guardian");

    private final String labelVi;
    private final String labelEn;

    ConsentParty(String labelVi, String labelEn) {
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
