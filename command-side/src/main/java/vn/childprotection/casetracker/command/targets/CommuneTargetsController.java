package vn.childprotection.casetracker.command.targets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * Records a commune's figures for the plan's targets that the case records cannot know (<i>chỉ tiêu kế hoạch</i>,
 * domain.md section 1). {@code PUT}: the body is the whole recording of that commune and year and replaces the
 * previous one, so repeating a request changes nothing. The controller checks the shape, the commune code and the
 * year; {@link CommuneYearTargets} checks who may and that the figures agree.
 */
@RestController
@RequestMapping(path = "/api/v1/targets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plan targets", description = "Chỉ tiêu kế hoạch — "
        + "A commune's yearly figures for the plan's targets that the case records cannot know")
@ApiResponse(responseCode = "400", description = "Malformed input, unknown commune, year out of range or figures "
        + "that disagree; `errors` lists each field and its problem",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Only the commune's worker or chair, or the coordinator, may record",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "409", description = "Version conflict (If-Match), or a commune that did not exist during "
        + "the year (org-unit-not-valid, naming its successors or predecessors)",
        content = @Content(mediaType = "application/problem+json"))
public class CommuneTargetsController {

    static final int FIRST_YEAR = 2000;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private final CommandGateway commands;
    private final OrgUnitRegistry orgUnits;
    private final Clock clock;
    private final TimeRule times;

    public CommuneTargetsController(CommandGateway commands, OrgUnitRegistry orgUnits, Clock clock,
                                    TimeRule times) {
        this.commands = commands;
        this.orgUnits = orgUnits;
        this.clock = clock;
        this.times = times;
    }

    @PutMapping(path = "/{year}/communes/{communeCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a commune's figures for the plan's targets of a year (chỉ tiêu kế hoạch)",
            description = "By the commune's child-protection worker or chair, or the multi-agency coordinator. The "
                    + "first recording creates the commune's figures for the year; each later one replaces them "
                    + "(every earlier recording is kept, so a report as of a past instant shows what had been "
                    + "entered by then). Sending the same figures again records nothing.")
    @ApiResponse(responseCode = "200", description = "Recorded; the answer carries the new version",
            headers = @Header(name = "ETag", description = "The figures' new version, quoted: usable as If-Match",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CommuneTargetsResult.class)))
    public ResponseEntity<CommuneTargetsResult> record(
            @Parameter(description = "Plan year, from 2000 to next year", example = "2026") @PathVariable int year,
            @Parameter(description = "Commune org unit code", example = "31-xa-an-lao") @PathVariable String communeCode,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "Apply only if the figures are at "
                    + "this version (the version answered by the previous recording), e.g. \"2\"; otherwise 409",
                    schema = @Schema(type = "string", pattern = "^(W/)?\"?[0-9]+\"?$"))
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CommuneTargetsRequest request) {
        int nextYear = Year.now(clock.withZone(VIETNAM)).getValue() + 1;
        if (year < FIRST_YEAR || year > nextYear) {
            throw new BadRequestException("year", "must be from " + FIRST_YEAR + " to " + nextYear);
        }
        requireDuringYear(communeCode, year);
        Long version = commands.sendAndWait(new RecordCommuneTargets(communeCode, year,
                expectedAggregateVersion(ifMatch), occurredAt(request.occurredAt()), request.childrenUnder6(),
                request.childrenUnder6WithHealthInsuranceCard(), request.congenitalHeartDiseaseEligible(),
                request.congenitalHeartDiseaseReceived(), request.childFriendlyCommune(), request.actionMonthHeld(),
                request.midAutumnFestivalHeld(), request.childrenForumHeld()));
        return ResponseEntity.ok().eTag("\"" + version + "\"")
                .body(new CommuneTargetsResult(communeCode, year, version));
    }

    /**
     * The commune must have existed on some day of the target year (Vietnam days): else 409 {@code
     * org-unit-not-valid} naming its successors (it had ceased by 1 January) or predecessors (it began after 31
     * December); 400 when the code is unknown or not a commune's.
     */
    private void requireDuringYear(String communeCode, int year) {
        OrgUnit commune = orgUnits.require("communeCode", communeCode, OrgUnitType.COMMUNE);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate from = commune.validFrom().isAfter(first) ? commune.validFrom() : first;
        LocalDate to = commune.validTo() != null && commune.validTo().isBefore(last) ? commune.validTo() : last;
        LocalDate day = !from.isAfter(to) ? from : commune.endedBefore(first) ? first : last;
        orgUnits.requireOn("communeCode", communeCode, day, OrgUnitType.COMMUNE);
    }

    private Instant occurredAt(Instant given) {
        Instant now = clock.instant();
        if (given == null) {
            return now;
        }
        String problem = times.notFutureProblem(given);
        if (problem != null) {
            throw new BadRequestException("occurredAt", problem);
        }
        return given;
    }

    /**
     * {@code If-Match: "<version>"}, as on the case endpoints: Axon counts from 0, so one less; null when absent.
     */
    private static Long expectedAggregateVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new BadRequestException("If-Match", "must be the version in quotes, e.g. \"2\"");
        }
        return Long.parseLong(m.group(1)) - 1;
    }
}
