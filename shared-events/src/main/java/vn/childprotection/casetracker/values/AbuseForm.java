package vn.childprotection.casetracker.values;

/**
 * Form of abuse (<i>hình thức xâm hại</i>, Luật Trẻ em 2016 Art 4).
 */
public enum AbuseForm implements Labelled {
    VIOLENCE("Bạo lực", "Violence"),
    EXPLOITATION("Bóc lột", "Exploitation"),
    SEXUAL_ABUSE("Xâm hại tình dục", "Sexual abuse"),
    TRAFFICKING("Mua bán", "Trafficking"),
    ABANDONMENT("Bỏ rơi", "Abandonment"),
    NEGLECT("Bỏ mặc", "Neglect"),
    OTHER_HARM("Hình thức gây tổn hại khác", "Other harm");

    private final String labelVi;
    private final String labelEn;

    AbuseForm(String labelVi, String labelEn) {
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
