package vn.childprotection.casetracker.values;

/**
 * Why a transfer request (<i>đề nghị chuyển vụ việc</i>) ended without an answer from the receiving commune.
 */
public enum TransferWithdrawalReason implements Labelled {
    /** The case was closed (<i>kết thúc</i>) while the request waited: a closed case is handed to no one. */
    CASE_CLOSED("Rút do vụ việc đã kết thúc", "Withdrawn: case closed"),
    /** The commune that asked took the request back. */
    WITHDRAWN_BY_SENDER("Xã đề nghị rút lại", "Withdrawn by the requesting commune");

    private final String labelVi;
    private final String labelEn;

    TransferWithdrawalReason(String labelVi, String labelEn) {
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
