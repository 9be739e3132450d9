package vn.childprotection.casetracker.platform.orgunits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.childprotection.casetracker.platform.problem.ApiExceptionHandler;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.NotFoundException;
import vn.childprotection.casetracker.platform.security.CurrentActor;

/**
 * Loading a new list of org units, and the versions loaded so far. Loading is for administrators only (see
 * {@link OrgStructureAdministrators}); the versions are readable by anyone signed in, like the org units.
 */
@RestController
@RequestMapping("/api/v1/admin/org-units")
@Tag(name = "Org units")
public class OrgUnitAdminController {

    private static final Pattern ETAG = Pattern.compile("\"(\\d{1,9})\"");

    private final OrgStructureLoader loader;
    private final OrgUnitRegistry registry;
    private final CurrentActor currentActor;

    public OrgUnitAdminController(OrgStructureLoader loader, OrgUnitRegistry registry, CurrentActor currentActor) {
        this.loader = loader;
        this.registry = registry;
        this.currentActor = currentActor;
    }

    /**
     * Loads a new list (the whole list, ended units included). 200 with the recorded version; 400 naming every
     * problem of the list; 403 for anyone but an administrator; 409 {@code org-structure-changed} when another
     * version was recorded meanwhile (or {@code If-Match} names another version).
     */
    @PutMapping
    @Operation(summary = "Load a new list of org units (administrators)", description = "Validated as documented "
            + "in docs/org-units.md, recorded as the event OrgStructureChanged with its legal basis and the next "
            + "version; reports and lists asked asOf an earlier instant keep using the version known then.")
    public OrgStructureVersion.Summary load(
            @Valid @RequestBody LoadOrgUnitsRequest request,
            @Parameter(description = "The version the list was based on, quoted, e.g. \"1\"; 409 when the latest "
                    + "is another")
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Integer expected = null;
        if (ifMatch != null) {
            Matcher matcher = ETAG.matcher(ifMatch.trim());
            if (!matcher.matches()) {
                throw new BadRequestException("If-Match", "must be a version in double quotes, e.g. \"1\"");
            }
            expected = Integer.valueOf(matcher.group(1));
        }
        return loader.load(request, currentActor.require(), expected).summary();
    }

    /**
     * The whole list of a version (default the latest) in the shape {@code PUT} takes, with its version as
     * {@code ETag}: what an administrator downloads, edits and loads again with {@code If-Match}.
     */
    @GetMapping
    @Operation(summary = "The list of org units of a version, as loaded", description = "The body PUT takes: "
            + "legalBasis (of that version), orgUnits, reportingGroups. ETag: the version, for If-Match.")
    public ResponseEntity<LoadOrgUnitsRequest> list(
            @Parameter(description = "The version (default the latest)", example = "0")
            @RequestParam(required = false) Integer version) {
        List<OrgStructureVersion> versions = registry.history().versions();
        OrgStructureVersion chosen = version == null ? versions.get(versions.size() - 1)
                : versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no version " + version + " of the org units."));
        return ResponseEntity.ok().eTag("\"" + chosen.version() + "\"").body(new LoadOrgUnitsRequest(
                chosen.legalBasis(), List.copyOf(chosen.structure().all()),
                List.copyOf(chosen.structure().groups())));
    }

    /** Every version, the shipped list (version 0) first, without the documents. */
    @GetMapping("/versions")
    @Operation(summary = "Versions of the list of org units", description = "Version 0 is the shipped list; each "
            + "later one a loading, with when it was recorded (UTC), by whom and on which legal basis.")
    public List<OrgStructureVersion.Summary> versions() {
        return registry.history().versions().stream().map(OrgStructureVersion::summary).toList();
    }

    @ExceptionHandler(OrgStructureConflict.class)
    ResponseEntity<Object> conflict(OrgStructureConflict ex, WebRequest request) {
        ResponseEntity<Object> response = ApiExceptionHandler.problem(HttpStatus.CONFLICT,
                "The list of org units has changed", ex.getMessage(), request);
        if (response.getBody() instanceof ProblemDetail problem) {
            Map.of("rule", OrgStructureConflict.RULE, "latestVersion", ex.latestVersion())
                    .forEach(problem::setProperty);
        }
        return response;
    }
}
