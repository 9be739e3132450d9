package vn.childprotection.casetracker.values;

/**
 * Where a case stands in the procedure of Decree 56/2017 Chapter III.
 */
public enum CaseStatus implements Labelled {
    REPORTED("Đã tiếp nhận thông báo", "Reported"),
    INITIALLY_ASSESSED("Đã đánh giá nguy cơ ban đầu", "Initial assessment done"),
    DETAILED_ASSESSED("Đã đánh giá nguy cơ cụ thể", "Detailed assessment done"),
    PLAN_DRAFTED("Đã xây dựng kế hoạch hỗ trợ, can thiệp", "Support plan drafted"),
    PLAN_APPROVED("Kế hoạch đã được phê duyệt, đang thực hiện", "Plan approved, in implementation"),
    CLOSED("Đã kết thúc", "Closed"),
    REOPENED("Đã mở lại", "Reopened");

    private final String labelVi;
    private final String labelEn;

    CaseStatus(String labelVi, String labelEn) {
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
