package vn.childprotection.casetracker.query.casefile;

import java.time.Clock;
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
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.breakglass.BreakTheGlassGrants;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * Reads a case file for one reader: finds it (404 when unknown), asks {@link ReadPolicy} what the reader may see
 * (403 when nothing), builds that view and, when it opens personal data, records the read in the access log (<i>nhật
 * ký truy cập</i>), all in one transaction that commits before the answer is written. A read that names a
 * {@code minVersion} first waits for the projection ({@link ReadConsistency}, see {@link #projectedVersion}).
 */
@Service
public class CaseFileReader {

    private final CaseFileQueries queries;
    private final CaseFileOpener opener;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ReadConsistency consistency;

    public CaseFileReader(CaseFileQueries queries, CaseFileOpener opener, ReadPolicy policy,
                          BreakTheGlassGrants grants, AccessLog accessLog, Clock clock, ReadConsistency consistency) {
        this.queries = queries;
        this.opener = opener;
        this.policy = policy;
        this.grants = grants;
        this.accessLog = accessLog;
        this.clock = clock;
        this.consistency = consistency;
    }

    /**
     * One poll of a read that waits for {@code minVersion}, outside any transaction: the version of the case file
     * as projected now, empty when the case is not projected yet.
     *
     * @throws vn.childprotection.casetracker.query.access.AccessRefusedException when the case as projected now
     *         refuses the reader: answered at once, as without {@code minVersion}, so that how long the answer
     *         takes tells an outsider nothing about the case's version
     */
    public OptionalLong projectedVersion(Actor reader, String caseId) {
        Optional<CaseFileQueries.StoredCaseFile> stored = queries.find(caseId);
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        policy.caseFile(reader, CaseReach.of(stored.get().doc()),
                () -> grants.active(reader.username(), caseId, clock.instant()));
        return OptionalLong.of(stored.get().version());
    }

    /**
     * @param minVersion null, or the version the reader needs: a case not projected yet is then a lag, not unknown
     * @throws NotFoundException                         unknown case (404), only without {@code minVersion}
     * @throws vn.childprotection.casetracker.query.consistency.ProjectionLagException the case is not projected at
     *         {@code minVersion} yet (503), checked after the access rules, before anything is logged
     */
    @Transactional
    public CaseFileAnswer read(Actor reader, String caseId, Long minVersion) {
        CaseFileQueries.StoredCaseFile stored = queries.find(caseId).orElseThrow(() -> minVersion == null
                ? new NotFoundException("There is no case with this id.") : consistency.lag(minVersion));
        CaseReach reach = CaseReach.of(stored.doc());
        CaseAccess access = policy.caseFile(reader, reach,
                () -> grants.active(reader.username(), caseId, clock.instant()));
        if (minVersion != null && stored.version() < minVersion) {
            throw consistency.lag(minVersion);
        }
        if (access.view().opensPersonalData()) {
            accessLog.record(reader, caseId, AccessedResource.CASE_FILE, access);
        }
        return opener.answer(stored.doc(), access.view(), reader.orgUnit());
    }
}
