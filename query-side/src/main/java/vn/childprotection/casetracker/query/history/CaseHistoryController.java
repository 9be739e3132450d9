package vn.childprotection.casetracker.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * The history of a case (<i>lịch sử vụ việc</i>) for auditors, coordinators and the commune running the case: what
 * happened, who recorded it and when.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Case history", description = "Lịch sử vụ việc — Every event of a case in order, with its actor")
public class CaseHistoryController {

    private final CaseHistoryReader reader;
    private final CurrentActor currentActor;
    private final ReadConsistency consistency;

    public CaseHistoryController(CaseHistoryReader reader, CurrentActor currentActor, ReadConsistency consistency) {
        this.reader = reader;
        this.currentActor = currentActor;
        this.consistency = consistency;
    }

    @GetMapping("/{caseId}/history")
    @Operation(summary = "Read a case's history / Xem lịch sử vụ việc",
            description = "Every event of the case in order with the user, org unit and role that recorded it. "
                    + "With asOf, the history as it stood then: only events recorded at or before that instant "
                    + "(an empty list when the case had no events yet). Personal data is never part of it. Read by "
                    + "the commune running the case (and the commune a transfer waits for), coordinators, auditors "
                    + "and holders of an active break-the-glass grant; every read is recorded in the access log. "
                    + "With minVersion (the version a command answered) the read first waits, bounded, until the "
                    + "history holds the case at that version, else 503 with Retry-After.")
    public CaseHistoryView history(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = "ISO-8601 instant, e.g. 2025-03-01T08:30:00Z")
            @RequestParam(required = false) Instant asOf,
            @Parameter(description = ReadConsistency.MIN_VERSION_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64", minimum = "1"))
            @RequestParam(required = false) Long minVersion) {
        Actor actor = currentActor.require();
        consistency.await(minVersion, () -> reader.projectedVersion(actor, caseId));
        return reader.read(actor, caseId, asOf, minVersion);
    }
}
