package vn.childprotection.casetracker.query.history;

import java.time.Clock;
import java.time.Instant;
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
import vn.childprotection.casetracker.query.access.CaseReaches;
import vn.childprotection.casetracker.query.access.ReadPolicy;
import vn.childprotection.casetracker.query.breakglass.BreakTheGlassGrants;
import vn.childprotection.casetracker.query.casefile.CaseFileQueries;
import vn.childprotection.casetracker.query.consistency.ReadConsistency;

/**
 * Reads a case's history (<i>lịch sử vụ việc</i>) for one reader: the case must be known to the case file (its
 * commune decides who may read), {@link ReadPolicy} must allow it, and every read is recorded in the access log in
 * the same transaction, before the answer is written. A read that names a {@code minVersion} first waits
 * ({@link ReadConsistency}) until both the history and the case file (whose commune decides who may read) hold the
 * case at that version.
 */
@Service
public class CaseHistoryReader {

    private final CaseHistoryQueries queries;
    private final CaseReaches reaches;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CaseFileQueries caseFiles;
    private final ReadConsistency consistency;

    public CaseHistoryReader(CaseHistoryQueries queries, CaseReaches reaches, ReadPolicy policy,
                             BreakTheGlassGrants grants, AccessLog accessLog, Clock clock, CaseFileQueries caseFiles,
                             ReadConsistency consistency) {
        this.queries = queries;
        this.reaches = reaches;
        this.policy = policy;
        this.grants = grants;
        this.accessLog = accessLog;
        this.clock = clock;
        this.caseFiles = caseFiles;
        this.consistency = consistency;
    }

    /**
     * One poll of a read that waits for {@code minVersion}, outside any transaction: the lower of the case's
     * versions in the case file and in the history, empty while either does not hold the case.
     *
     * @throws vn.childprotection.casetracker.query.access.AccessRefusedException when the case as projected now
     *         refuses the reader: at once, as without {@code minVersion}
     */
    public OptionalLong projectedVersion(Actor reader, String caseId) {
        Optional<CaseFileQueries.StoredCaseFile> caseFile = caseFiles.find(caseId);
        if (caseFile.isEmpty()) {
            return OptionalLong.empty();
        }
        policy.history(reader, CaseReach.of(caseFile.get().doc()),
                () -> grants.active(reader.username(), caseId, clock.instant()));
        OptionalLong history = queries.version(caseId);
        return history.isEmpty() ? history
                : OptionalLong.of(Math.min(history.getAsLong(), caseFile.get().version()));
    }

    /**
     * @param asOf       null, or the instant the history is read as recorded by
     * @param minVersion null, or the version the reader needs: a case not projected yet is then a lag, not unknown
     * @throws NotFoundException unknown case (404), only without {@code minVersion}
     * @throws vn.childprotection.casetracker.query.consistency.ProjectionLagException the history or the case file
     *         do not hold the case at {@code minVersion} yet (503), checked after the access rules, before logging
     */
    @Transactional
    public CaseHistoryView read(Actor reader, String caseId, Instant asOf, Long minVersion) {
        CaseReach reach = reaches.find(caseId).orElseThrow(() -> minVersion == null
                ? new NotFoundException("There is no case with this id.") : consistency.lag(minVersion));
        CaseAccess access = policy.history(reader, reach, () -> grants.active(reader.username(), caseId, clock.instant()));
        if (minVersion != null && projectedVersion(reader, caseId).orElse(0) < minVersion) {
            throw consistency.lag(minVersion);
        }
        accessLog.record(reader, caseId, AccessedResource.CASE_HISTORY, access);
        return new CaseHistoryView(caseId, asOf, queries.entries(caseId, asOf));
    }
}
