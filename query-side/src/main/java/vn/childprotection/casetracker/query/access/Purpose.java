package vn.childprotection.casetracker.query.access;

import vn.childprotection.casetracker.values.Labelled;

/**
 * Why a case was read (<i>mục đích truy cập</i>), as the access log records it. It follows from how the reader
 * reached the case, never from what the reader claims.
 */
public enum Purpose implements Labelled {
    /** The reader's own role and org unit cover the case: the commune running it, a coordinator, an auditor. */
    CASE_WORK("Giải quyết vụ việc", "Case work"),
    /** Only an active break-the-glass grant lets the reader in; the grant states the reason. */
    BREAK_THE_GLASS("Truy cập khẩn cấp", "Break-the-glass"),
    /** A disclosure package for a competent authority, with the consents it needs. */
    DISCLOSURE("Cung cấp thông tin cho cơ quan có thẩm quyền", "Disclosure to a competent authority");

    private final String labelVi;
    private final String labelEn;

    Purpose(String labelVi, String labelEn) {
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
