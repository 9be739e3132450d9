package vn.childprotection.casetracker.query.breakglass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.problem.NotFoundException;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.query.access.AccessLog;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.CaseReach;
import vn.childprotection.casetracker.query.access.CaseReaches;
import vn.childprotection.casetracker.query.access.PrivacyProperties;
import vn.childprotection.casetracker.query.access.Purpose;
import vn.childprotection.casetracker.query.access.ReadConflictException;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.personaldata.CaseTextSealer;

/**
 * Break-the-glass (<i>truy cập khẩn cấp</i>): in an emergency, a user outside a case's need-to-know states why and
 * reads the case in full for a limited time; the grant is in the access log, flagged until an auditor has reviewed
 * it. Each operation runs in one transaction: the grant, its access log row and the review commit together or not
 * at all.
 */
@Service
public class BreakTheGlassService {

    private final CaseReaches reaches;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final CaseTextSealer sealer;
    private final AccessLog accessLog;
    private final PrivacyProperties privacy;
    private final Clock clock;

    public BreakTheGlassService(CaseReaches reaches, ReadPolicy policy, BreakTheGlassGrants grants,
                                CaseTextSealer sealer, AccessLog accessLog, PrivacyProperties privacy, Clock clock) {
        this.reaches = reaches;
        this.policy = policy;
        this.grants = grants;
        this.sealer = sealer;
        this.accessLog = accessLog;
        this.privacy = privacy;
        this.clock = clock;
    }

    /**
     * Issues a grant to the caller for the case, for {@code casetracker.privacy.break-the-glass-minutes}.
     */
    @Transactional
    public GrantIssued breakTheGlass(Actor holder, String caseId, String reason) {
        CaseReach reach = reaches.find(caseId)
                .orElseThrow(() -> new NotFoundException("There is no case with this id."));
        policy.breakTheGlass(holder, reach);
        if (reach.identityErased()) {
            throw identityErased("Nothing personal is left to open in this case.");
        }
        JsonNode sealedReason = sealer.seal(reach.childId(), reason)
                .orElseThrow(() -> identityErased("Nothing personal is left to open in this case."));
        Instant now = clock.instant();
        Instant expiresAt = now.plus(privacy.breakTheGlassDuration());
        String grantId = UUID.randomUUID().toString();
        grants.insert(grantId, caseId, holder, sealedReason, now, expiresAt);
        accessLog.record(holder, caseId, AccessedResource.BREAK_THE_GLASS, Purpose.BREAK_THE_GLASS, grantId);
        return new GrantIssued(grantId, caseId, expiresAt);
    }

    /**
     * Records an auditor's review of a grant, which clears its flag (and so that of its access log rows).
     */
    @Transactional
    public GrantView review(Actor reviewer, String grantId, String note) {
        policy.accessLog(reviewer);
        StoredGrant grant = grants.findForUpdate(grantId)
                .orElseThrow(() -> new NotFoundException("There is no break-the-glass grant with this id."));
        policy.reviewGrant(reviewer, grant.userId());
        if (!grant.flagged()) {
            throw new ReadConflictException("already-reviewed", "Already reviewed",
                    "This grant was reviewed already; a review is recorded once.");
        }
        // After an erasure nothing written about the child may be kept: the note is not stored, as it would have
        // been shredded with the rest had it been written before.
        CaseReach reach = reaches.find(grant.caseId()).orElse(null);
        JsonNode sealedNote = reach == null || reach.identityErased() ? null
                : sealer.seal(reach.childId(), note).orElse(null);
        grants.markReviewed(grantId, reviewer.username(), clock.instant(), sealedNote);
        return view(grants.find(grantId).orElseThrow());
    }

    /**
     * Up to {@code rows} grants matching the filter, oldest first (granted at, then grant id), after the grant whose
     * sort key {@code after} holds; auditors only.
     *
     * @throws vn.childprotection.casetracker.query.access.AccessRefusedException for anyone but an auditor
     */
    @Transactional(readOnly = true)
    public List<GrantView> grants(Actor reader, GrantFilter filter, Optional<CursorKey> after, int rows) {
        policy.accessLog(reader);
        return grants.page(filter, after, rows).stream().map(this::view).toList();
    }

    private GrantView view(StoredGrant grant) {
        boolean erased = reaches.find(grant.caseId()).map(CaseReach::identityErased).orElse(false);
        String field = "breakTheGlass[" + grant.grantId() + "].";
        return new GrantView(grant.grantId(), grant.caseId(), grant.userId(), grant.orgUnit(), grant.role(),
                sealer.open(grant.caseId(), field + "reason", grant.reason(), erased), grant.grantedAt(),
                grant.expiresAt(), grant.expiresAt().isAfter(clock.instant()), grant.flagged(), grant.reviewedBy(),
                grant.reviewedAt(), sealer.open(grant.caseId(), field + "reviewNote", grant.reviewNote(), erased));
    }

    private static ReadConflictException identityErased(String detail) {
        return new ReadConflictException("identity-erased", "Identity erased", detail);
    }
}
