package vn.childprotection.casetracker.values;

/**
 * Emergency measures (<i>biện pháp can thiệp khẩn cấp</i>, Decree 56 Art 26.3, 31).
 */
public enum EmergencyMeasure implements Labelled {
    MEDICAL_EMERGENCY("Cấp cứu, chăm sóc y tế khẩn cấp", "Emergency medical care"),
    TEMPORARY_REMOVAL("Tạm thời cách ly trẻ em khỏi cha mẹ, người chăm sóc", "Temporary removal from parents or caregiver"),
    SAFE_PLACE("Bố trí nơi ở tạm thời an toàn", "Safe temporary place"),
    POLICE_PROTECTION("Đề nghị công an bảo vệ", "Police protection"),
    OTHER("Biện pháp khẩn cấp khác", "Other emergency measure");

    private final String labelVi;
    private final String labelEn;

    EmergencyMeasure(String labelVi, String labelEn) {
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
