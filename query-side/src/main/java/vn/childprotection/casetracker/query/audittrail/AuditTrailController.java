package vn.childprotection.casetracker.query.audittrail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * The inter-agency audit trail (<i>nhật ký liên ngành</i>), for auditors and coordinators only: who (user, org unit,
 * role) did what to which case and when, per case, per agency, per user or per action, as JSON pages or as one CSV
 * file.
 */
@RestController
@RequestMapping("/api/v1/audit-trail")
@Tag(name = "Audit trail", description = "Nhật ký liên ngành — "
        + "Who did what to which case and when, across communes and agencies")
public class AuditTrailController {

    /**
     * The most rows one CSV export holds; the header {@code X-Truncated: true} says when more matched.
     */
    public static final int CSV_MAX_ROWS = 100_000;
    public static final int MAX_PAGE_SIZE = 500;
    public static final String TEXT_CSV = "text/csv";

    private final AuditTrailQueries queries;
    private final CaseEventTypes eventTypes;
    private final OrgUnitRegistry orgUnits;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public AuditTrailController(AuditTrailQueries queries, CaseEventTypes eventTypes, OrgUnitRegistry orgUnits,
                                ReadPolicy policy, CurrentActor currentActor) {
        this.queries = queries;
        this.eventTypes = eventTypes;
        this.orgUnits = orgUnits;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Read the audit trail / Xem nhật ký liên ngành",
            description = "Every event matching the filters, oldest first (by when it was recorded, then by its "
                    + "position in the event store), one page at a time. agency matches the agency an entry "
                    + "concerns (intervention events and INTERVENTION_DUE deadline events) or the org unit of who "
                    + "did it. from is inclusive, to exclusive. With format=csv, or Accept: text/csv, the answer is "
                    + "one CSV file (text/csv; charset=UTF-8) with a header row of the JSON field names and every "
                    + "matching entry, not paged, at most 100,000 rows (X-Total-Count gives how many matched, "
                    + "X-Truncated: true when more than that). Never holds personal data. Coordinators and auditors "
                    + "only.",
            responses = @ApiResponse(responseCode = "200", description = "A page, or the CSV file", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AuditTrailPage.class)),
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))}))
    public AuditTrailPage auditTrail(
            @Parameter(description = "Only this case") @RequestParam(required = false) String caseId,
            @Parameter(description = "An org unit code: the agency concerned or the actor's org unit")
            @RequestParam(required = false) String agency,
            @Parameter(description = "Only what this user did (user id; 'system' for the service itself)")
            @RequestParam(required = false) String user,
            @Parameter(description = "Only this event type, e.g. InterventionStatusChanged, DeadlineMissed")
            @RequestParam(required = false) String action,
            @Parameter(description = "Recorded at or after this ISO-8601 instant")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Recorded before this ISO-8601 instant")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 500") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "json (default) or csv", schema = @Schema(allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format) {
        AuditFilter filter = filter(caseId, agency, user, action, from, to);
        if (format != null && !format.equals("json")) {
            throw new BadRequestException("format", "must be json or csv");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        long total = queries.count(filter);
        long pages = (total + size - 1) / size;
        return new AuditTrailPage(queries.page(filter, page, size), page, size, total, pages);
    }

    @GetMapping(params = "format=csv")
    @Operation(hidden = true)
    public void auditTrailCsv(@RequestParam(required = false) String caseId,
                              @RequestParam(required = false) String agency,
                              @RequestParam(required = false) String user,
                              @RequestParam(required = false) String action,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              HttpServletResponse response) throws IOException {
        writeCsv(filter(caseId, agency, user, action, from, to), response);
    }

    @GetMapping(produces = TEXT_CSV)
    @Operation(hidden = true)
    public void auditTrailCsvByAccept(@RequestParam(required = false) String caseId,
                                      @RequestParam(required = false) String agency,
                                      @RequestParam(required = false) String user,
                                      @RequestParam(required = false) String action,
                                      @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      HttpServletResponse response) throws IOException {
        writeCsv(filter(caseId, agency, user, action, from, to), response);
    }

    /**
     * Checks the reader may read the trail (403 otherwise), then the filters; every problem of these is answered at
     * once with a 400.
     */
    private AuditFilter filter(String caseId, String agency, String user, String action, Instant from, Instant to) {
        policy.auditTrail(currentActor.require());
        List<FieldProblem> problems = new ArrayList<>();
        if (agency != null && orgUnits.find(agency).isEmpty()) {
            problems.add(new FieldProblem("agency", "is not a known org unit code"));
        }
        if (action != null && !eventTypes.isKnown(action)) {
            problems.add(new FieldProblem("action", "must be one of " + eventTypes.describe()));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return new AuditFilter(caseId, agency, user, action, from, to);
    }

    private void writeCsv(AuditFilter filter, HttpServletResponse response) throws IOException {
        long total = queries.count(filter);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"");
        response.setHeader("X-Total-Count", Long.toString(total));
        if (total > CSV_MAX_ROWS) {
            response.setHeader("X-Truncated", "true");
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write(CsvFormat.line(AuditEntry.COLUMNS));
        queries.forEach(filter, CSV_MAX_ROWS, entry -> {
            try {
                out.write(CsvFormat.line(entry.values()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
