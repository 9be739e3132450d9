package vn.childprotection.casetracker.query.disclosure;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childprotection.casetracker.platform.problem.NotFoundException;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.query.access.AccessLog;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.CaseAccess;
import vn.childprotection.casetracker.query.access.CaseReach;
import vn.childprotection.casetracker.query.access.ReadConflictException;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.breakglass.BreakTheGlassGrants;
import vn.childprotection.casetracker.query.casefile.CaseFileOpener;
import vn.childprotection.casetracker.query.casefile.CaseFileQueries;
import vn.childprotection.casetracker.query.casefile.CaseFileView;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;
import vn.childprotection.casetracker.query.history.CaseHistoryQueries;

/**
 * Prepares a disclosure package (<i>cung cấp thông tin</i>). In this order: the case must exist (404); the reader
 * must be one who reads the full case file (403, {@link ReadPolicy#disclosure}); the child's identity must not be
 * erased (409 {@code identity-erased}); the consents must allow it (409 {@code consent-required}, {@link
 * ConsentRule}). Only then is the package built and the disclosure recorded in the access log, in the request's
 * transaction, before the answer is written. A refused disclosure opens nothing and is not a read of personal data.
 * With a {@code minVersion}, the case file and the history must hold the case at that version (503 else, after the
 * access rules, before the consents).
 */
@Service
public class DisclosureService {

    private final CaseFileQueries caseFiles;
    private final CaseFileOpener opener;
    private final CaseHistoryQueries history;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ReadConsistency consistency;

    public DisclosureService(CaseFileQueries caseFiles, CaseFileOpener opener, CaseHistoryQueries history,
                             ReadPolicy policy, BreakTheGlassGrants grants, AccessLog accessLog, Clock clock,
                             ReadConsistency consistency) {
        this.caseFiles = caseFiles;
        this.opener = opener;
        this.history = history;
        this.policy = policy;
        this.grants = grants;
        this.accessLog = accessLog;
        this.clock = clock;
        this.consistency = consistency;
    }

    /**
     * One poll of a disclosure that waits for {@code minVersion}, outside any transaction: the lower of the case's
     * versions in the case file and the history, empty while either does not hold the case.
     *
     * @throws vn.childprotection.casetracker.query.access.AccessRefusedException when the case as projected now
     *         refuses the reader: at once, as without {@code minVersion}
     */
    public OptionalLong projectedVersion(Actor reader, String caseId) {
        Optional<CaseFileQueries.StoredCaseFile> stored = caseFiles.find(caseId);
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        policy.disclosure(reader, CaseReach.of(stored.get().doc()),
                () -> grants.active(reader.username(), caseId, clock.instant()));
        OptionalLong projected = history.version(caseId);
        return projected.isEmpty() ? projected
                : OptionalLong.of(Math.min(projected.getAsLong(), stored.get().version()));
    }

    /**
     * @param minVersion null, or the version the reader needs: a case not projected yet is then a lag (503), not
     *                   unknown (404)
     */
    @Transactional
    public DisclosurePackage prepare(Actor reader, String caseId, Long minVersion) {
        CaseFileQueries.StoredCaseFile stored = caseFiles.find(caseId).orElseThrow(() -> minVersion == null
                ? new NotFoundException("There is no case with this id.") : consistency.lag(minVersion));
        CaseAccess access = policy.disclosure(reader, CaseReach.of(stored.doc()),
                () -> grants.active(reader.username(), caseId, clock.instant()));
        if (minVersion != null && Math.min(stored.version(), history.version(caseId).orElse(0)) < minVersion) {
            throw consistency.lag(minVersion);
        }
        // Decided on the document with nothing opened; opened only once allowed.
        CaseFileView sealed = opener.redact(stored.doc());
        if (sealed.personalDataErased()) {
            throw identityErased();
        }
        int age = sealed.child() == null ? 0 : sealed.child().ageYears();
        List<ConsentGap> gaps = ConsentRule.gaps(sealed.consents(), age);
        if (!gaps.isEmpty()) {
            throw new ReadConflictException("consent-required", "Consent required",
                    "Disclosure needs the consent of the parent or guardian and, from the age of "
                            + ConsentRule.CHILD_CONSENT_AGE + ", of the child; the latest record of each party "
                            + "counts.", Map.of("parties", gaps));
        }
        CaseFileView caseFile = opener.open(stored.doc());
        if (caseFile.personalDataErased()) {
            throw identityErased();
        }
        accessLog.record(reader, caseId, AccessedResource.DISCLOSURE, access);
        return new DisclosurePackage(caseId, clock.instant(),
                new DisclosurePackage.PreparedBy(reader.username(), reader.orgUnit(), reader.role().name()),
                ConsentRule.childConsentRequired(age), caseFile, history.entries(caseId, null));
    }

    private static ReadConflictException identityErased() {
        return new ReadConflictException("identity-erased", "Identity erased",
                "The child's identity was erased: there is nothing personal left to disclose.");
    }
}
