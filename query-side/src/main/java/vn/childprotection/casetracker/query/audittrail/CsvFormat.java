package vn.childprotection.casetracker.query.audittrail;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a comma, a double quote,
 * CR or LF, its double quotes doubled; null is an empty field. A field that a spreadsheet would take for a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR) is prefixed with an apostrophe, so an
 * exported audit trail opened in a spreadsheet runs nothing.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    public static String line(List<String> fields) {
        return fields.stream().map(CsvFormat::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
