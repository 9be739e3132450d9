package vn.childprotection.casetracker.query.audittrail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.childprotection.casetracker.query.paging.ListScope;
import vn.childprotection.casetracker.query.paging.PageParameters;
import vn.childprotection.casetracker.query.paging.PageRequest;
import vn.childprotection.casetracker.query.paging.RetiredPageParameters;

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
    private static final String LIST = "audit-trail";
    private static final int KEY_SIZE = 3;
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
                    + "position in the event store, then by event id), one page at a time (limit, 100 by default): "
                    + "next is the link to the following page, null on the last; a cursor is only accepted with the "
                    + "filters of the page that gave it (page and size, the page numbers of API 0.3, are refused). "
                    + "agency matches the agency an entry "
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
            @PageParameters.Limit @RequestParam(required = false) Integer limit,
            @PageParameters.Cursor @RequestParam(required = false) String cursor,
            @Parameter(description = "json (default) or csv", schema = @Schema(allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        AuditFilter filter = filter(caseId, agency, user, action, from, to);
        if (format != null && !format.equals("json")) {
            throw new BadRequestException("format", "must be json or csv");
        }
        RetiredPageParameters.refuse(request);
        PageRequest page = PageRequest.of(ListScope.of(LIST, "caseId", caseId, "agency", agency, "user", user,
                "action", action, "from", from, "to", to), limit, cursor, KEY_SIZE);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("caseId", caseId);
        filters.put("agency", agency);
        filters.put("user", user);
        filters.put("action", action);
        filters.put("from", from);
        filters.put("to", to);
        PageRequest.Page<AuditTrailQueries.Positioned> entries = page.page(
                queries.page(filter, page.after(), page.rowsToRead()), AuditTrailQueries::key, request, filters);
        return new AuditTrailPage(entries.items().stream().map(AuditTrailQueries.Positioned::entry).toList(),
                entries.next());
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
