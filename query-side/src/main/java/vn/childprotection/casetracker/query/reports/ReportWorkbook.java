package vn.childprotection.casetracker.query.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.childprotection.casetracker.query.indicators.IndicatorGroup;
import vn.childprotection.casetracker.query.indicators.IndicatorValue;
import vn.childprotection.casetracker.values.CommuneTargetItem;

/**
 * A report as an XLSX workbook with Vietnamese headings: a cover sheet, one sheet per indicator group, and the plan's
 * targets. Under each single-valued breakdown a "Cộng" row sums its cells with a formula, beside the indicator's
 * total, so a reader sees that they add up; a multi-valued breakdown (one child in several cells) says so instead.
 */
final class ReportWorkbook {

    private static final int COUNT_COLUMN = 2;

    private ReportWorkbook() {
    }

    static byte[] write(StatutoryReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            cover(workbook.createSheet("Thông tin chung"), report, bold);
            for (IndicatorGroup group : report.groups()) {
                List<IndicatorValue> indicators = report.indicators().stream()
                        .filter(i -> i.group().equals(group.code())).toList();
                if (!indicators.isEmpty()) {
                    groupSheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(group.nameVi())), group,
                            indicators, bold);
                }
            }
            targets(workbook.createSheet("Mục tiêu kế hoạch"), report.targets(), bold);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(Sheet sheet, StatutoryReport report, CellStyle bold) {
        int r = 0;
        text(sheet.createRow(r++), 0, report.titleVi() + " năm " + report.year(), bold);
        r = pair(sheet, r, "Đơn vị báo cáo", report.orgUnitNameVi() + " (" + report.orgUnit() + ")");
        r = pair(sheet, r, "Kỳ báo cáo", "Từ " + report.from() + " đến " + report.to());
        r = pair(sheet, r, "Hạn gửi báo cáo", report.dueDate().toString());
        r = pair(sheet, r, "Số liệu tính đến (asOf)", report.asOf() == null ? "Toàn bộ số liệu đã ghi nhận"
                : report.asOf().toString());
        r = pair(sheet, r, "Thời điểm lập báo cáo", report.generatedAt().toString());
        r = pair(sheet, r, "Số liệu tại thời điểm (countedAt)", report.countedAt().toString());
        r = pair(sheet, r, "Số xã, thị trấn được tổng hợp", Integer.toString(report.communes().size()));
        pair(sheet, r, "Cách tính hỗ trợ kịp thời", report.inTimeRule());
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private static void groupSheet(Sheet sheet, IndicatorGroup group, List<IndicatorValue> indicators,
                                   CellStyle bold) {
        int r = 0;
        text(sheet.createRow(r++), 0, group.nameVi(), bold);
        Row header = sheet.createRow(r++);
        text(header, 0, "Mã chỉ tiêu", bold);
        text(header, 1, "Chỉ tiêu / phân tổ", bold);
        text(header, COUNT_COLUMN, "Số lượng", bold);
        for (IndicatorValue indicator : indicators) {
            r++;
            Row total = sheet.createRow(r++);
            text(total, 0, indicator.code(), bold);
            text(total, 1, indicator.nameVi() + " — Tổng số", bold);
            total.createCell(COUNT_COLUMN).setCellValue(indicator.total());
            for (IndicatorValue.Breakdown breakdown : indicator.breakdowns()) {
                text(sheet.createRow(r++), 1, "Chia theo " + lowerFirst(breakdown.labelVi())
                        + (breakdown.multiValued() ? " (một trẻ có thể thuộc nhiều nhóm)" : ""), bold);
                int first = r;
                for (IndicatorValue.Cell cell : breakdown.cells()) {
                    Row row = sheet.createRow(r++);
                    text(row, 1, "   " + cell.labelVi(), null);
                    row.createCell(COUNT_COLUMN).setCellValue(cell.count());
                }
                if (!breakdown.multiValued() && r > first) {
                    int last = r - 1;
                    Row sum = sheet.createRow(r++);
                    text(sum, 1, "   Cộng", bold);
                    String column = CellReference.convertNumToColString(COUNT_COLUMN);
                    sum.createCell(COUNT_COLUMN).setCellFormula("SUM(" + column + (first + 1) + ":" + column
                            + (last + 1) + ")");
                }
            }
        }
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(COUNT_COLUMN, 12 * 256);
    }

    private static void targets(Sheet sheet, PlanTargets targets, CellStyle bold) {
        int r = 0;
        text(sheet.createRow(r++), 0, "Mục tiêu kế hoạch năm " + targets.year(), bold);
        Row header = sheet.createRow(r++);
        List<String> headings = List.of("Mục tiêu", "Nguồn số liệu", "Đạt được", "So với", "Tỷ lệ (%)",
                "Chỉ tiêu", "Đánh giá", "Số xã được tính", "Số xã không được tính");
        for (int c = 0; c < headings.size(); c++) {
            text(header, c, headings.get(c), bold);
        }
        for (TargetLine line : targets.lines()) {
            Row row = sheet.createRow(r++);
            text(row, 0, line.nameVi(), null);
            text(row, 1, "CASES".equals(line.source()) ? "Hồ sơ vụ việc" : "Xã báo cáo", null);
            number(row, 2, line.achieved());
            number(row, 3, line.base());
            if (line.percent() != null) {
                row.createCell(4).setCellValue(line.percent());
            }
            text(row, 5, line.targetVi(), null);
            text(row, 6, line.met() == null ? "Chưa đủ số liệu" : line.met() ? "Đạt" : "Chưa đạt", null);
            number(row, 7, line.communesCounted());
            number(row, 8, line.communesLeftOut());
        }
        r++;
        Row communeHeader = sheet.createRow(r++);
        CommuneTargetItem[] items = CommuneTargetItem.values();
        text(communeHeader, 0, "Xã, thị trấn", bold);
        for (int c = 0; c < items.length; c++) {
            text(communeHeader, c + 1, items[c].labelVi(), bold);
        }
        text(communeHeader, items.length + 1, "Ghi nhận lúc", bold);
        for (PlanTargets.CommuneFigures commune : targets.communes()) {
            Row row = sheet.createRow(r++);
            text(row, 0, commune.nameVi(), null);
            for (int c = 0; c < items.length; c++) {
                Object value = commune.entered() == null ? null : commune.entered().value(items[c]);
                if (value instanceof Number number) {
                    number(row, c + 1, number);
                } else if (value instanceof Boolean yes) {
                    text(row, c + 1, yes ? "Có" : "Không", null);
                }
            }
            text(row, items.length + 1, commune.entered() == null ? "Chưa báo cáo"
                    : commune.entered().recordedAt().toString(), null);
        }
        int columns = items.length + 2;
        sheet.setColumnWidth(0, 60 * 256);
        for (int c = 1; c < columns; c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
    }

    private static int pair(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        text(row, 0, label, null);
        text(row, 1, value, null);
        return r + 1;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, Number value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
