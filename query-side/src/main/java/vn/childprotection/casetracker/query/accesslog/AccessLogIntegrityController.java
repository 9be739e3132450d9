package vn.childprotection.casetracker.query.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;

/**
 * Verification of the access log (<i>kiểm tra toàn vẹn nhật ký truy cập</i>) for auditors and coordinators
 * (who read the event store's verification): proof that no entry was deleted, changed or slipped in, even by someone
 * who turned the database's append-only triggers off.
 */
@RestController
@Tag(name = "Access log integrity", description = "Toàn vẹn nhật ký truy cập — Proof that no access log entry "
        + "was deleted, changed or slipped in: row MACs, the authenticated chain and its anchors")
public class AccessLogIntegrityController {

    private final AccessLogVerifier verifier;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public AccessLogIntegrityController(AccessLogVerifier verifier, ReadPolicy policy, CurrentActor currentActor) {
        this.verifier = verifier;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/integrity/access-log/verification")
    @Operation(operationId = "verifyAccessLog",
            summary = "Verify the access log / Kiểm tra toàn vẹn nhật ký truy cập",
            description = "Walks the access-log chain in chain position order from one snapshot, streaming, and "
                    + "answers the first bad entry with a stable code: a row changed or deleted, a row the service "
                    + "did not write, a link not following from the previous one or not written with the service's "
                    + "key, a gap in positions, a head differing from an anchor, or a chain shorter than its latest "
                    + "anchor. Entries logged in the last seal interval are counted as pending. States how often "
                    + "the head is anchored outside the database: deleting the tail is detected up to that interval. "
                    + "Takes time on a large log.")
    public AccessLogVerification verify() {
        policy.integrityVerification(currentActor.require());
        return verifier.verify();
    }
}
