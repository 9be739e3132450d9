package vn.childprotection.casetracker.query.casefile;

import vn.childprotection.casetracker.values.Labelled;

/**
 * How the receiving commune answered a transfer request (<i>chuyển vụ việc</i>).
 */
public enum TransferOutcome implements Labelled {
    ACCEPTED("Đã tiếp nhận", "Accepted"),
    DECLINED("Từ chối tiếp nhận", "Declined");

    private final String labelVi;
    private final String labelEn;

    TransferOutcome(String labelVi, String labelEn) {
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
