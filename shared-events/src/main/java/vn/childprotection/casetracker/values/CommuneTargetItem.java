package vn.childprotection.casetracker.values;

/**
 * The items of the plan's targets that the case records cannot know (domain.md section 1, targets 4 to 7): each
 * commune enters them once a year, and again when a figure changes. Each item names the field of
 * {@code CommuneTargetsRecorded} (and of the request that records it) carrying its value.
 * <ul>
 *     <li>Trẻ em dưới 6 tuổi and those holding a thẻ bảo hiểm y tế (BHYT): the share with a card;</li>
 *     <li>trẻ em mắc bệnh tim bẩm sinh thuộc diện hưởng chính sách theo Quyết định 55a/2013/QĐ-TTg, and those who
 *     received it;</li>
 *     <li>xã, phường phù hợp với trẻ em (Quyết định 06/QĐ-TTg 2019);</li>
 *     <li>Tháng hành động vì trẻ em, Tết Trung thu, Diễn đàn trẻ em held in the commune.</li>
 * </ul>
 */
public enum CommuneTargetItem implements Labelled {
    CHILDREN_UNDER_6("childrenUnder6", Kind.COUNT,
            "Số trẻ em dưới 6 tuổi trên địa bàn",
            "Children under 6 living in the commune"),
    CHILDREN_UNDER_6_WITH_HEALTH_INSURANCE_CARD("childrenUnder6WithHealthInsuranceCard", Kind.COUNT,
            "Số trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế (BHYT)",
            "Children under 6 holding a health-insurance card (BHYT)"),
    CONGENITAL_HEART_DISEASE_ELIGIBLE("congenitalHeartDiseaseEligible", Kind.COUNT,
            "Số trẻ em mắc bệnh tim bẩm sinh thuộc diện hưởng chính sách theo Quyết định 55a/2013/QĐ-TTg",
            "Children with congenital heart disease eligible under Decision 55a/2013/QĐ-TTg"),
    CONGENITAL_HEART_DISEASE_RECEIVED("congenitalHeartDiseaseReceived", Kind.COUNT,
            "Số trẻ em mắc bệnh tim bẩm sinh được hưởng chính sách theo Quyết định 55a/2013/QĐ-TTg",
            "Children with congenital heart disease who received the policy of Decision 55a/2013/QĐ-TTg"),
    CHILD_FRIENDLY_COMMUNE("childFriendlyCommune", Kind.YES_NO,
            "Đạt tiêu chuẩn xã, phường phù hợp với trẻ em (Quyết định 06/QĐ-TTg 2019)",
            "Meets the child-friendly commune standard (Decision 06/QĐ-TTg 2019)"),
    ACTION_MONTH_HELD("actionMonthHeld", Kind.YES_NO,
            "Tổ chức Tháng hành động vì trẻ em",
            "Held the Action Month for Children"),
    MID_AUTUMN_FESTIVAL_HELD("midAutumnFestivalHeld", Kind.YES_NO,
            "Tổ chức Tết Trung thu cho trẻ em",
            "Held the Mid-Autumn festival for children"),
    CHILDREN_FORUM_HELD("childrenForumHeld", Kind.YES_NO,
            "Tổ chức Diễn đàn trẻ em",
            "Held the Children's Forum");

    /**
     * What kind of value an item takes: a number of children, or yes/no.
     */
    public enum Kind {
        COUNT,
        YES_NO
    }

    private final String field;
    private final Kind kind;
    private final String labelVi;
    private final String labelEn;

    CommuneTargetItem(String field, Kind kind, String labelVi, String labelEn) {
        this.field = field;
        this.kind = kind;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /**
     * The name of the field carrying this item in {@code CommuneTargetsRecorded} and in the request recording it.
     */
    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
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
