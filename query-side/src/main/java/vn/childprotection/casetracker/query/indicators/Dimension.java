package vn.childprotection.casetracker.query.indicators;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an indicator can be broken down by (<i>phân tổ</i>). A single-valued dimension puts each counted child or
 * case in exactly one cell, so its cells add up to the indicator's total; a multi-valued one (forms of abuse, groups
 * of special circumstances) may put one child in several cells.
 */
public enum Dimension {
    SEX("sex", "Giới tính", "Sex", false),
    AGE_GROUP("ageGroup", "Nhóm tuổi", "Age group", false),
    ABUSE_FORM("abuseForm", "Hình thức xâm hại", "Form of abuse", true),
    SETTING("setting", "Môi trường xâm hại", "Setting of abuse", false),
    SPECIAL_CIRCUMSTANCE_GROUP("specialCircumstanceGroup", "Nhóm trẻ em có hoàn cảnh đặc biệt",
            "Group of special circumstances", true),
    CHANNEL("channel", "Kênh thông báo", "Referral channel", false),
    CATEGORY("category", "Phân loại", "Category", false),
    COMMUNE("commune", "Xã, thị trấn", "Commune", false);

    private final String key;
    private final String labelVi;
    private final String labelEn;
    private final boolean multiValued;

    Dimension(String key, String labelVi, String labelEn, boolean multiValued) {
        this.key = key;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.multiValued = multiValued;
    }

    /** The name used in the definition file and the API. */
    public String key() {
        return key;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean multiValued() {
        return multiValued;
    }

    static Optional<Dimension> fromKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
