package vn.childprotection.casetracker.query.audittrail;

import vn.childprotection.casetracker.events.CaseCarriedOver;

/**
 * How a carry-over reads for people (Vietnamese, then English): a case moved to the successor of its ceased commune
 * by a reorganisation of units (Nghị quyết 1669/NQ-UBTVQH15 for An Lão on 1/7/2025), which is not a transfer.
 */
public final class CarryOverLabel {

    /** The name of the action in Vietnamese. */
    public static final String LABEL_VI = "Chuyển tiếp sang đơn vị hành chính mới";
    /** The name of the action in English. */
    public static final String LABEL_EN = "Carried over to the successor unit";

    private CarryOverLabel() {
    }

    /**
     * E.g. {@code Chuyển tiếp sang đơn vị hành chính mới / Carried over to the successor unit: 313-thai-son →
     * 31-xa-an-khanh; căn cứ / basis: Nghị quyết 1669/NQ-UBTVQH15 Điều 1 khoản 49; người dùng chọn / chosen by a
     * person}: from, to, the legal basis, and whether a person chose the successor (a split commune) or the case
     * followed its commune by itself.
     */
    public static String of(CaseCarriedOver event) {
        return LABEL_VI + " / " + LABEL_EN + ": " + event.fromCommuneCode() + " → " + event.toCommuneCode()
                + "; căn cứ / basis: " + event.legalBasis() + "; "
                + (event.chosenByPerson() ? "người dùng chọn / chosen by a person"
                : "tự động theo đơn vị kế thừa toàn bộ / followed its commune as a whole");
    }
}
