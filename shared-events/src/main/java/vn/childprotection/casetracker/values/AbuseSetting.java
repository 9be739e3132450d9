package vn.childprotection.casetracker.values;

/**
 * Setting where the abuse happened (<i>môi trường xâm hại</i>, Circular 13/2021 indicator 0101).
 */
public enum AbuseSetting implements Labelled {
    FAMILY("Gia đình", "Family"),
    SCHOOL("Trường học", "School"),
    COMMUNITY("Cộng đồng", "Community"),
    ONLINE("Môi trường mạng", "Online"),
    WORKPLACE("Nơi làm việc", "Workplace"),
    CARE_FACILITY("Cơ sở trợ giúp, chăm sóc", "Care facility"),
    OTHER("Khác", "Other");

    private final String labelVi;
    private final String labelEn;

    AbuseSetting(String labelVi, String labelEn) {
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
