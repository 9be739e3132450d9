package vn.childprotection.casetracker.values;

/**
 * The 14 groups of children in special circumstances (<i>trẻ em có hoàn cảnh đặc biệt</i>, Luật Trẻ em Art 10.1).
 */
public enum SpecialCircumstanceGroup implements Labelled {
    A_ORPHANED("a) Mồ côi cả cha và mẹ", "a) Orphaned of both parents"),
    B_ABANDONED("b) Bị bỏ rơi", "b) Abandoned"),
    C_NO_CAREGIVER("c) Không nơi nương tựa", "c) With no one to rely on"),
    D_DISABILITY("d) Khuyết tật", "d) With disability"),
    DD_HIV("đ) Nhiễm HIV/AIDS", "đ) Living with HIV/AIDS"),
    E_CONFLICT_WITH_LAW("e) Vi phạm pháp luật", "e) In conflict with the law"),
    G_DRUG_ADDICTED("g) Nghiện ma túy", "g) Drug-addicted"),
    H_LEFT_SCHOOL_TO_WORK("h) Phải bỏ học kiếm sống chưa hoàn thành phổ cập THCS", "h) Left school to earn a living"),
    I_HARMED_BY_VIOLENCE("i) Bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực", "i) Seriously harmed by violence"),
    K_EXPLOITED("k) Bị bóc lột", "k) Exploited"),
    L_SEXUALLY_ABUSED("l) Bị xâm hại tình dục", "l) Sexually abused"),
    M_TRAFFICKED("m) Bị mua bán", "m) Trafficked"),
    N_SERIOUSLY_ILL_POOR("n) Mắc bệnh hiểm nghèo hoặc phải điều trị dài ngày thuộc hộ nghèo, cận nghèo", "n) Seriously or long-term ill in a poor or near-poor household"),
    O_MIGRANT_UNACCOMPANIED("o) Di cư, lánh nạn, tị nạn chưa xác định được cha mẹ hoặc người chăm sóc", "o) Migrant, displaced or refugee with no known parent or caregiver");

    private final String labelVi;
    private final String labelEn;

    SpecialCircumstanceGroup(String labelVi, String labelEn) {
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
