package vn.childprotection.casetracker.query.reports;

import java.util.Arrays;
import java.util.Optional;
import vn.childprotection.casetracker.values.Labelled;

/**
 * The periodic reports a commune sends up (<i>báo cáo định kỳ</i>, domain.md section 1).
 */
public enum ReportKind implements Labelled {
    SEMIANNUAL("semiannual", "Báo cáo 6 tháng", "Semi-annual report"),
    ANNUAL("annual", "Báo cáo năm", "Annual report");

    private final String path;
    private final String labelVi;
    private final String labelEn;

    ReportKind(String path, String labelVi, String labelEn) {
        this.path = path;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** How the kind is named in the URL. */
    public String path() {
        return path;
    }

    @Override
    public String labelVi() {
        return labelVi;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    static Optional<ReportKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
