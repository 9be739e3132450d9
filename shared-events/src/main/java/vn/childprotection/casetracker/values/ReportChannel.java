package vn.childprotection.casetracker.values;

/**
 * Where a report was received (<i>nguồn thông báo</i>, Decree 56 Art 25.1).
 */
public enum ReportChannel implements Labelled {
    HOTLINE_111("Tổng đài quốc gia bảo vệ trẻ em 111", "National child protection hotline 111"),
    SOCIAL_WORK_HOTLINE("Đường dây nóng Trung tâm công tác xã hội", "Social work centre hotline"),
    LABOUR_OFFICE("Cơ quan lao động - thương binh và xã hội", "Labour and social affairs office"),
    POLICE("Công an", "Police"),
    COMMUNE_PEOPLES_COMMITTEE("Ủy ban nhân dân cấp xã", "Commune People's Committee"),
    SCHOOL("Nhà trường", "School"),
    HEALTH_FACILITY("Cơ sở y tế", "Health facility"),
    DIRECT_REPORT("Người dân báo trực tiếp", "Reported in person"),
    OTHER("Khác", "Other");

    private final String labelVi;
    private final String labelEn;

    ReportChannel(String labelVi, String labelEn) {
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
