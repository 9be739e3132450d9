package vn.childprotection.casetracker.values;

/**
 * The time limits of the procedure (Decree 56/2017/NĐ-CP Chapter III). Their lengths are configuration.
 */
public enum DeadlineRule implements Labelled {
    EMERGENCY_MEASURES("Can thiệp khẩn cấp trong 12 giờ kể từ khi nhận thông báo (Điều 26.3)",
            "Emergency measures within 12 hours of the report (Art 26.3)"),
    PLAN_DRAFTING("Xây dựng kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc (Điều 28.1)",
            "Support plan drafted within 5 working days (Art 28.1)"),
    PLAN_APPROVAL("Phê duyệt kế hoạch trong 2 ngày làm việc (Điều 28.4)",
            "Plan approved within 2 working days (Art 28.4)"),
    TEMPORARY_REMOVAL_END("Hết thời hạn tạm thời cách ly (Điều 32)",
            "Temporary removal ends (Art 32)"),
    CASE_REVIEW("Rà soát, đánh giá định kỳ kế hoạch (Điều 30)",
            "Periodic review of the plan (Art 30)"),
    INTERVENTION_DUE("Thời hạn thực hiện biện pháp can thiệp theo kế hoạch",
            "Due date of an intervention in the plan");

    private final String labelVi;
    private final String labelEn;

    DeadlineRule(String labelVi, String labelEn) {
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
