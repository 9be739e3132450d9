package vn.childprotection.casetracker.query.reports;

import java.util.List;
import vn.childprotection.casetracker.query.audittrail.CsvFormat;
import vn.childprotection.casetracker.query.indicators.IndicatorGroup;
import vn.childprotection.casetracker.query.indicators.IndicatorValue;

/**
 * A report as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read the Vietnamese): first the report's
 * heading lines, then one line per indicator total and per breakdown cell, then the plan's targets.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(StatutoryReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(CsvFormat.line(List.of("Báo cáo / Report", report.titleVi(), report.titleEn())));
        csv.append(CsvFormat.line(List.of("Đơn vị / Org unit", report.orgUnit(), report.orgUnitNameVi())));
        csv.append(CsvFormat.line(List.of("Kỳ báo cáo / Period", report.from().toString(), report.to().toString())));
        csv.append(CsvFormat.line(List.of("Hạn gửi / Due", report.dueDate().toString())));
        csv.append(CsvFormat.line(List.of("Số liệu tính đến / As of",
                report.asOf() == null ? "" : report.asOf().toString(), report.generatedAt().toString())));
        csv.append(CsvFormat.line(List.of("Số liệu tại thời điểm / Counted at", report.countedAt().toString())));
        csv.append("\r\n");
        csv.append(CsvFormat.line(List.of("Nhóm chỉ tiêu / Group", "Mã / Code", "Chỉ tiêu / Indicator",
                "Phân tổ / Breakdown", "Mã giá trị / Key", "Giá trị / Value", "Số lượng / Count")));
        for (IndicatorGroup group : report.groups()) {
            for (IndicatorValue indicator : report.indicators()) {
                if (!indicator.group().equals(group.code())) {
                    continue;
                }
                csv.append(CsvFormat.line(List.of(group.nameVi(), indicator.code(), indicator.nameVi(),
                        "Tổng số / Total", "", "", Long.toString(indicator.total()))));
                for (IndicatorValue.Breakdown breakdown : indicator.breakdowns()) {
                    for (IndicatorValue.Cell cell : breakdown.cells()) {
                        csv.append(CsvFormat.line(List.of(group.nameVi(), indicator.code(), indicator.nameVi(),
                                breakdown.labelVi(), cell.key(), cell.labelVi(), Long.toString(cell.count()))));
                    }
                }
            }
        }
        csv.append("\r\n");
        csv.append(CsvFormat.line(List.of("Mục tiêu / Target", "Mã / Code", "Đạt được / Achieved",
                "So với / Base", "Tỷ lệ % / Percent", "Chỉ tiêu kế hoạch / Target", "Đạt / Met",
                "Số xã được tính / Communes counted", "Số xã không được tính / Communes left out")));
        for (TargetLine line : report.targets().lines()) {
            csv.append(CsvFormat.line(List.of(line.nameVi(), line.code(), text(line.achieved()), text(line.base()),
                    text(line.percent()), line.targetVi(), line.met() == null ? "" : line.met() ? "Đạt" : "Chưa đạt",
                    text(line.communesCounted()), text(line.communesLeftOut()))));
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
