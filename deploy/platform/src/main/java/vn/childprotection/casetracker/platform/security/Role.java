package vn.childprotection.casetracker.platform.security;

import vn.childprotection.casetracker.values.Labelled;

/**
 * What a user does in the procedure. Which cases and fields each role may see is enforced separately.
 */
public enum Role implements Labelled {
    COMMUNE_WORKER("Công chức, người làm công tác bảo vệ trẻ em cấp xã", "Commune child-protection worker"),
    COMMUNE_CHAIR("Chủ tịch Ủy ban nhân dân cấp xã", "Commune chair"),
    AGENCY_STAFF("Cán bộ cơ quan, tổ chức được giao can thiệp", "Staff of an assigned agency"),
    COORDINATOR("Cán bộ điều phối liên ngành", "Multi-agency coordinator"),
    AUDITOR("Kiểm tra, thanh tra", "Auditor"),
    DASHBOARD("Xem số liệu tổng hợp", "Aggregate dashboards");

    private final String labelVi;
    private final String labelEn;

    Role(String labelVi, String labelEn) {
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
