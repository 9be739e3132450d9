package vn.childprotection.casetracker.values;

/**
 * Intervention measures (<i>biện pháp can thiệp</i>, Luật Trẻ em Art 50) and support measures (<i>hỗ trợ</i>, Art 49).
 */
public enum InterventionMeasure implements Labelled {
    MEDICAL_CARE("Chăm sóc y tế, trị liệu tâm lý, phục hồi sức khỏe thể chất và tinh thần", "Medical care and recovery"),
    PSYCHOLOGICAL_THERAPY("Trị liệu tâm lý", "Psychological therapy"),
    SAFE_SHELTER("Bố trí nơi tạm trú an toàn, cách ly khỏi môi trường nguy hiểm", "Safe temporary shelter and separation from the threat"),
    ALTERNATIVE_CARE("Bố trí chăm sóc thay thế tạm thời hoặc lâu dài", "Temporary or long-term alternative care"),
    FAMILY_REUNIFICATION("Đoàn tụ gia đình, hòa nhập trường học, cộng đồng", "Reunification and reintegration"),
    CAREGIVER_COUNSELLING("Tư vấn kiến thức, kỹ năng cho cha mẹ, người chăm sóc", "Counselling for parents and caregivers"),
    LEGAL_AID("Tư vấn pháp lý, trợ giúp pháp lý", "Legal counselling and legal aid"),
    SOCIAL_ASSISTANCE("Hỗ trợ tiếp cận trợ giúp xã hội", "Access to social assistance"),
    EDUCATION_SUPPORT("Hỗ trợ giáo dục", "Education support"),
    OTHER_SUPPORT("Các biện pháp hỗ trợ khác", "Other support");

    private final String labelVi;
    private final String labelEn;

    InterventionMeasure(String labelVi, String labelEn) {
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
