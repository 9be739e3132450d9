package vn.childprotection.casetracker.values;

/**
 * State of one intervention, as reported by the agency it was assigned to.
 */
public enum InterventionStatus implements Labelled {
    ASSIGNED("Đã giao", "Assigned"),
    ACCEPTED("Đã nhận", "Accepted"),
    DECLINED("Từ chối", "Declined"),
    IN_PROGRESS("Đang thực hiện", "In progress"),
    COMPLETED("Đã hoàn thành", "Completed");

    private final String labelVi;
    private final String labelEn;

    InterventionStatus(String labelVi, String labelEn) {
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
