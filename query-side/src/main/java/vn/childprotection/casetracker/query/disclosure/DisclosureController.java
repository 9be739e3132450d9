package vn.childprotection.casetracker.query.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * Disclosure of a case to a competent authority (<i>cung cấp thông tin vụ việc cho cơ quan có thẩm quyền</i>), with
 * the consents the law asks for.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Disclosure", description = "Cung cấp thông tin — "
        + "A case with its personal data, for a competent authority, with the consents it needs")
public class DisclosureController {

    private final DisclosureService disclosures;
    private final CurrentActor currentActor;
    private final ReadConsistency consistency;

    public DisclosureController(DisclosureService disclosures, CurrentActor currentActor,
                                ReadConsistency consistency) {
        this.disclosures = disclosures;
        this.currentActor = currentActor;
        this.consistency = consistency;
    }

    @GetMapping("/{caseId}/disclosure")
    @Operation(summary = "Prepare a disclosure package / Lập hồ sơ cung cấp thông tin",
            description = "The case file with personal data opened and the case's history, for handing to a "
                    + "competent authority. Only for readers of the full case file (the commune running the case, a "
                    + "coordinator, or a holder of an active break-the-glass grant; others 403), and only when the "
                    + "parent's or guardian's latest consent is GIVEN and, when the child was 7 or older at the "
                    + "report, the child's too: otherwise 409 with rule consent-required and the parties missing, "
                    + "refused or withdrawn. After the child's identity was erased: 409 identity-erased. Recorded in "
                    + "the access log with purpose DISCLOSURE. With minVersion (the version a command answered, e.g. "
                    + "of the consent just recorded) it first waits, bounded, until the case file and history hold "
                    + "the case at that version, else 503 with Retry-After.")
    public ResponseEntity<DisclosurePackage> disclosure(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = ReadConsistency.MIN_VERSION_DESCRIPTION,
                    schema = @Schema(type = "integer", format = "int64", minimum = "1"))
            @RequestParam(required = false) Long minVersion) {
        Actor actor = currentActor.require();
        consistency.await(minVersion, () -> disclosures.projectedVersion(actor, caseId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"disclosure.json\"")
                .body(disclosures.prepare(actor, caseId, minVersion));
    }
}
