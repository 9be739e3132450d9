package vn.childprotection.casetracker.values;

/**
 * Outcome of a review (<i>rà soát, đánh giá</i>, Decree 56 Art 30; Mẫu 06).
 */
public enum ReviewOutcome implements Labelled {
    CONTINUE("Tiếp tục thực hiện kế hoạch", "Continue the plan"),
    REPLAN("Điều chỉnh, xây dựng lại kế hoạch", "Re-plan"),
    PROPOSE_CLOSURE("Đề xuất kết thúc", "Propose closure");

    private final String labelVi;
    private final String labelEn;

    ReviewOutcome(String labelVi, String labelEn) {
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
