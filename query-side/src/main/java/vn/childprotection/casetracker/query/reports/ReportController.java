package vn.childprotection.casetracker.query.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.NotFoundException;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.indicators.AnswerAge;
import vn.childprotection.casetracker.query.indicators.CountedAnswerResponses;
import vn.childprotection.casetracker.query.indicators.IndicatorsRebuildingExceptionHandler;
import vn.childprotection.casetracker.query.indicators.MaxStale;
import vn.childprotection.casetracker.query.indicators.MaxStaleDirective;
import vn.childprotection.casetracker.query.indicators.MaxStaleHeader;
import vn.childprotection.casetracker.query.indicators.ReportingPeriod;
import vn.childprotection.casetracker.query.indicators.ReportingUnits;

/**
 * The periodic reports (<i>báo cáo định kỳ 6 tháng, hằng năm</i>) and the plan's targets, as JSON, CSV or XLSX.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reports", description = "Báo cáo — Semi-annual and annual reports; the plan's targets")
public class ReportController {

    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportService reports;
    private final PlanTargetsService targets;
    private final ReportingUnits reportingUnits;
    private final MaxStaleDirective maxStale;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public ReportController(ReportService reports, PlanTargetsService targets, ReportingUnits reportingUnits,
                            MaxStaleDirective maxStale, ReadPolicy policy, CurrentActor currentActor) {
        this.reports = reports;
        this.targets = targets;
        this.reportingUnits = reportingUnits;
        this.maxStale = maxStale;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/reports/{year}/{kind}")
    @Operation(operationId = "periodicReport", summary = "Periodic report / Báo cáo định kỳ",
            description = "The semi-annual or annual report of an org unit: every indicator for the report's "
                    + "configured period, and the plan's targets. The period and due date of each kind are "
                    + "configuration (casetracker.reports.*; default semi-annual 15/11 of the previous year to 14/5, "
                    + "due 20/5; annual 15/11 of the previous year to 14/11, due 15/11). With asOf, only what had "
                    + "been recorded by that instant is counted, so a report once sent can be reproduced exactly. "
                    + "format=xlsx gives a workbook with Vietnamese headings, one sheet per indicator group; "
                    + "format=csv a UTF-8 CSV. Coordinators and auditors; commune staff for their own commune. "
                    + "countedAt is the instant the counted facts are those of; with Cache-Control: max-stale, "
                    + "counts made earlier may be given (then with Age), as for GET /api/v1/indicators.")
    @ApiResponse(responseCode = "200", description = "The report: JSON (format=json), or the file "
            + "(format=csv, format=xlsx), with Content-Disposition: attachment",
            headers = @Header(name = AnswerAge.HEADER, description = AnswerAge.OPENAPI_DESCRIPTION,
                    schema = @Schema(type = "integer", minimum = "0")),
            content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StatutoryReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "503", description = IndicatorsRebuildingExceptionHandler.OPENAPI_DESCRIPTION,
            content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<?> report(
            @Parameter(description = "The report's year", example = "2025") @PathVariable int year,
            @Parameter(description = "semiannual or annual", schema = @Schema(allowableValues = {"semiannual",
                    "annual"})) @PathVariable String kind,
            @Parameter(description = "Org unit code (commune, district or province) or reporting group code "
                    + "(former-313)", example = "31")
            @RequestParam String orgUnit,
            @Parameter(description = "json (default), csv or xlsx", schema = @Schema(allowableValues = {"json",
                    "csv", "xlsx"})) @RequestParam(defaultValue = "json") String format,
            @Parameter(description = "Count only what had been recorded by this instant",
                    example = "2025-11-16T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        if (!format.equals("json") && !format.equals("csv") && !format.equals("xlsx")) {
            check(year, kind, orgUnit, asOf);
            throw new BadRequestException("format", "must be json, csv or xlsx");
        }
        if (!format.equals("json")) {
            return file(year, kind, orgUnit, asOf, format, cacheControl);
        }
        StatutoryReport report = load(year, kind, orgUnit, asOf, cacheControl);
        return AnswerAge.ok(report.countedAt(), report.generatedAt()).contentType(MediaType.APPLICATION_JSON)
                .body(report);
    }

    @GetMapping(path = "/reports/{year}/{kind}/xlsx", produces = XLSX_VALUE)
    @Operation(summary = "Periodic report as a workbook / Báo cáo định kỳ (XLSX)",
            description = "The same report as format=xlsx: a cover sheet, one sheet per indicator group with "
                    + "Vietnamese headings and a Cộng row, and the plan's targets. Who may read it: as the report.")
    @ApiResponse(responseCode = "200", description = "The workbook, as an attachment",
            headers = @Header(name = AnswerAge.HEADER, description = AnswerAge.OPENAPI_DESCRIPTION,
                    schema = @Schema(type = "integer", minimum = "0")),
            content = @Content(mediaType = XLSX_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = IndicatorsRebuildingExceptionHandler.OPENAPI_DESCRIPTION,
            content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<byte[]> reportWorkbook(
            @Parameter(description = "The report's year", example = "2025") @PathVariable int year,
            @Parameter(description = "semiannual or annual", schema = @Schema(allowableValues = {"semiannual",
                    "annual"})) @PathVariable String kind,
            @Parameter(description = "Org unit code (commune, district or province)", example = "313")
            @RequestParam String orgUnit,
            @Parameter(description = "Count only what had been recorded by this instant",
                    example = "2025-11-16T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        return file(year, kind, orgUnit, asOf, "xlsx", cacheControl);
    }

    @GetMapping(path = "/reports/{year}/{kind}/csv", produces = "text/csv")
    @Operation(summary = "Periodic report as CSV / Báo cáo định kỳ (CSV)",
            description = "The same report as format=csv: UTF-8 with a byte order mark, one line per indicator "
                    + "total and breakdown cell. Who may read it: as the report.")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment",
            headers = @Header(name = AnswerAge.HEADER, description = AnswerAge.OPENAPI_DESCRIPTION,
                    schema = @Schema(type = "integer", minimum = "0")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = IndicatorsRebuildingExceptionHandler.OPENAPI_DESCRIPTION,
            content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<byte[]> reportCsv(
            @Parameter(description = "The report's year", example = "2025") @PathVariable int year,
            @Parameter(description = "semiannual or annual", schema = @Schema(allowableValues = {"semiannual",
                    "annual"})) @PathVariable String kind,
            @Parameter(description = "Org unit code (commune, district or province)", example = "313")
            @RequestParam String orgUnit,
            @Parameter(description = "Count only what had been recorded by this instant",
                    example = "2025-11-16T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        return file(year, kind, orgUnit, asOf, "csv", cacheControl);
    }

    /** Checks the kind, the reader's reach, the org unit and the year, in that order. */
    private ReportKind check(int year, String kind, String orgUnit, Instant asOf) {
        ReportKind reportKind = ReportKind.fromPath(kind).orElseThrow(() ->
                new NotFoundException("There is no report '" + kind + "'; the reports are semiannual and annual."));
        policy.indicators(currentActor.require(), orgUnit);
        reportingUnits.require("orgUnit", orgUnit, asOf, false);
        year(year);
        return reportKind;
    }

    /** Checks the request, the Cache-Control header last, and makes the report. */
    private StatutoryReport load(int year, String kind, String orgUnit, Instant asOf, String cacheControl) {
        ReportKind reportKind = check(year, kind, orgUnit, asOf);
        return reports.report(reportKind, year, orgUnit, asOf, maxStale.read(cacheControl));
    }

    private ResponseEntity<byte[]> file(int year, String kind, String orgUnit, Instant asOf, String format,
                                        String cacheControl) {
        StatutoryReport report = load(year, kind, orgUnit, asOf, cacheControl);
        String fileName = "bao-cao-" + ReportKind.fromPath(kind).orElseThrow().path() + "-" + year + "-" + orgUnit
                + "." + format;
        boolean csv = format.equals("csv");
        return AnswerAge.ok(report.countedAt(), report.generatedAt()).contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(csv ? ReportCsv.write(report).getBytes(StandardCharsets.UTF_8) : ReportWorkbook.write(report));
    }

    @GetMapping("/targets/{year}")
    @Operation(summary = "The plan's targets / Mục tiêu kế hoạch",
            description = "For a year's annual period and an org unit: the targets the cases show (share of "
                    + "children at risk detected and followed, share of abused children helped in time, abused "
                    + "children against the year before) beside those the communes entered (health-insurance cards "
                    + "under 6, the congenital-heart policy, child-friendly communes, the Action Month, Mid-Autumn "
                    + "and Children's Forum). With asOf, only what had been recorded by then. Cache-Control: "
                    + "max-stale as for GET /api/v1/indicators.")
    @CountedAnswerResponses
    public ResponseEntity<PlanTargets> targets(
            @Parameter(description = "The plan year", example = "2025") @PathVariable int year,
            @Parameter(description = "Org unit or reporting group code", example = "former-313")
            @RequestParam String orgUnit,
            @Parameter(description = "Count only what had been recorded by this instant")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @MaxStaleHeader @RequestHeader(name = MaxStaleDirective.HEADER, required = false) String cacheControl) {
        policy.indicators(currentActor.require(), orgUnit);
        reportingUnits.require("orgUnit", orgUnit, asOf, false);
        year(year);
        MaxStale accepted = maxStale.read(cacheControl);
        ReportingPeriod period = reports.period(ReportKind.ANNUAL, year);
        PlanTargets answer = targets.targets(orgUnit, year, period, asOf, accepted);
        return AnswerAge.ok(answer.countedAt(), answer.generatedAt()).body(answer);
    }

    private static void year(int year) {
        if (year < 2000 || year > 2100) {
            throw new BadRequestException("year", "must be between 2000 and 2100");
        }
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
