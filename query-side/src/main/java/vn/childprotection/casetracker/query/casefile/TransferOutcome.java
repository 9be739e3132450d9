package vn.childprotection.casetracker.query.casefile;

import vn.childprotection.casetracker.values.Labelled;

/**
 * How a transfer request (<i>chuyển vụ việc</i>) ended: answered by the receiving commune, or withdrawn.
 */
public enum TransferOutcome implements Labelled {
    ACCEPTED("Đã tiếp nhận", "Accepted"),
    DECLINED("Từ chối tiếp nhận", "Declined"),
    /** Ended unanswered: the case was closed, or the requesting commune took the request back. */
    WITHDRAWN("Đã rút đề nghị chuyển", "Withdrawn");

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
