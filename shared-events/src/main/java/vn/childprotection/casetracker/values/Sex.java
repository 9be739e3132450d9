package vn.childprotection.casetracker.values;

/**
 * Sex of the child as recorded on Mẫu 01.
 */
public enum Sex implements Labelled {
    MALE("Nam", "Male"),
    FEMALE("Nữ", "Female"),
    UNKNOWN("Chưa rõ", "Unknown");

    private final String labelVi;
    private final String labelEn;

    Sex(String labelVi, String labelEn) {
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
