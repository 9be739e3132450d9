package vn.childprotection.casetracker.query.deadlines;

import vn.childprotection.casetracker.values.Labelled;

/**
 * Where a time limit of the procedure (<i>thời hạn</i>) stands, as the events tell it: scheduled (OPEN), then met
 * in time (MET) or missed (MISSED, <i>quá hạn</i>); a missed one is later done late (FULFILLED_LATE) or no longer
 * applies (WITHDRAWN), and an open one may also be withdrawn. A miss recorded by the scheduler before a step dated
 * in time was typed is taken back (MISSED to OPEN, then MET). Met or late is read by {@link TimeLimitReading}.
 */
public enum DeadlineState implements Labelled {
    OPEN("Đang trong thời hạn", "Open"),
    MET("Hoàn thành đúng hạn", "Met in time"),
    MISSED("Quá hạn", "Missed"),
    FULFILLED_LATE("Hoàn thành muộn", "Fulfilled late"),
    WITHDRAWN("Không còn áp dụng", "Withdrawn");

    private final String labelVi;
    private final String labelEn;

    DeadlineState(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /**
     * Whether the limit still runs or is still late: only such a deadline moves to the new commune on a transfer,
     * and only such a one can still be fulfilled or withdrawn.
     */
    public boolean isPending() {
        return this == OPEN || this == MISSED;
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
