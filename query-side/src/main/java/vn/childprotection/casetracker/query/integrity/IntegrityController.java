package vn.childprotection.casetracker.query.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.NotFoundException;

/**
 * Tamper-evident history (toàn vẹn lịch sử) for auditors: proof that no stored event was changed, removed,
 * reordered or slipped in since it was written, per case and for the whole store, and the heads to anchor outside
 * the database so that even a rewrite by someone able to rechain the database shows.
 * <p>
 * Who may call these is decided with the query side's access rules, not here.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Integrity", description = "Toàn vẹn lịch sử — Hash chains over the stored events, authenticated by "
        + "the service and anchored outside the database: verification per case and for the whole store, and the head")
public class IntegrityController {

    private final HistoryVerifier verifier;
    private final PersonalDataCheck personalData;
    private final ReadPolicy policy;
    private final CurrentActor currentActor;

    public IntegrityController(HistoryVerifier verifier, PersonalDataCheck personalData, ReadPolicy policy,
                               CurrentActor currentActor) {
        this.verifier = verifier;
        this.personalData = personalData;
        this.policy = policy;
        this.currentActor = currentActor;
    }

    @GetMapping("/cases/{caseId}/history/verification")
    @Operation(summary = "Verify a case's history / Kiểm tra toàn vẹn lịch sử vụ việc",
            description = "Recomputes the case's hash chain from the stored bytes of its events, checks the "
                    + "service's MAC on each link and answers whether every event is there, in order, unchanged and "
                    + "written by the service, with the first broken link otherwise. With "
                    + "anchoredSequenceNumber and anchoredHash (a case head recorded earlier), also whether the "
                    + "chain still has that hash at that sequence number.")
    public CaseChainVerification verifyCase(
            @Parameter(description = "The case id") @PathVariable String caseId,
            @Parameter(description = "Sequence number of an anchored case head")
            @RequestParam(required = false) Long anchoredSequenceNumber,
            @Parameter(description = "The anchored case-chain hash, 64 hexadecimal digits")
            @RequestParam(required = false) String anchoredHash) {
        policy.integrityVerification(currentActor.require());
        Anchor anchor = anchor("anchoredSequenceNumber", anchoredSequenceNumber, anchoredHash);
        return verifier.verifyCase(caseId, anchor)
                .orElseThrow(() -> new NotFoundException("There is no case with this id."));
    }

    @GetMapping("/integrity/verification")
    @Operation(summary = "Verify the whole event store / Kiểm tra toàn vẹn kho sự kiện",
            description = "Walks the store chain in chain position order (the order events committed), streaming "
                    + "through the store: recomputes every event's case-chain hash and every store link, checks the "
                    + "service's MACs on each, that positions run from 1 without a gap and that the chain has every "
                    + "anchor the witness recorded outside the database (a chain shorter than an anchor lost its "
                    + "tail); then checks the events not sealed yet (pending when authenticated). Answers the first "
                    + "broken link, the pending count, the anchoring interval and the latest anchor. With "
                    + "anchoredGlobalIndex and anchoredHash (a head recorded by hand), also whether the store chain "
                    + "still has that hash there. Takes time on a large store.")
    public StoreChainVerification verifyStore(
            @Parameter(description = "Global index of an anchored store head")
            @RequestParam(required = false) Long anchoredGlobalIndex,
            @Parameter(description = "The anchored store-chain hash, 64 hexadecimal digits")
            @RequestParam(required = false) String anchoredHash) {
        policy.integrityVerification(currentActor.require());
        return verifier.verifyStore(anchor("anchoredGlobalIndex", anchoredGlobalIndex, anchoredHash));
    }

    @GetMapping("/integrity/head")
    @Operation(summary = "The store chain's head / Đầu chuỗi của kho sự kiện",
            description = "The latest sealed link of the store chain: one hash committing to every event sealed so "
                    + "far. The service records it outside the database by itself (see anchoring in the "
                    + "verification); an auditor may record it too, and a later verification with "
                    + "anchoredGlobalIndex and anchoredHash proves the history up to it is unchanged.")
    public StoreHead head() {
        policy.integrityVerification(currentActor.require());
        return verifier.head().orElseThrow(() -> new NotFoundException("No event is sealed into the store chain yet."));
    }

    @GetMapping("/integrity/personal-data")
    @Operation(summary = "Check that personal data can be opened / Kiểm tra dữ liệu cá nhân",
            description = "Opens every sealed personal value of a page of case files (in case id order) and lists "
                    + "the cases whose values cannot be opened although no erasure (xóa danh tính) was recorded "
                    + "for them: a child's key missing, or a value that its key does not open (altered bytes). "
                    + "Each such case's file reads personalDataUnreadable: true. Only case ids and field paths are "
                    + "answered, never a value. Page on with nextAfter.")
    public PersonalDataVerification verifyPersonalData(
            @Parameter(description = "The nextAfter of the previous page; omit to start")
            @RequestParam(required = false) String after,
            @Parameter(description = "Cases per page, 1 to 500", example = "200")
            @RequestParam(defaultValue = "200") int limit) {
        policy.integrityVerification(currentActor.require());
        if (limit < 1 || limit > PersonalDataCheck.MAX_PAGE) {
            throw new BadRequestException("limit", "must be from 1 to " + PersonalDataCheck.MAX_PAGE);
        }
        if (after != null && (after.isEmpty() || after.length() > 255)) {
            throw new BadRequestException("after", "must be 1 to 255 characters");
        }
        return personalData.check(after, limit);
    }

    private static Anchor anchor(String positionName, Long position, String hash) {
        if (position == null && hash == null) {
            return null;
        }
        if (position == null) {
            throw new BadRequestException(positionName, "is required with anchoredHash");
        }
        if (hash == null) {
            throw new BadRequestException("anchoredHash", "is required with " + positionName);
        }
        if (position < 0) {
            throw new BadRequestException(positionName, "must be 0 or more");
        }
        try {
            return new Anchor(position, EventChainEncoding.parseHash(hash));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("anchoredHash", "must be 64 hexadecimal digits");
        }
    }
}
