package vn.childprotection.casetracker.query.history;

import java.time.Clock;
import java.time.Instant;
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

/**
 * Reads a case's history (<i>lịch sử vụ việc</i>) for one reader: the case must be known to the case file (its
 * commune decides who may read), {@link ReadPolicy} must allow it, and every read is recorded in the access log in
 * the same transaction, before the answer is written.
 */
@Service
public class CaseHistoryReader {

    private final CaseHistoryQueries queries;
    private final CaseReaches reaches;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final AccessLog accessLog;
    private final Clock clock;

    public CaseHistoryReader(CaseHistoryQueries queries, CaseReaches reaches, ReadPolicy policy,
                             BreakTheGlassGrants grants, AccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.reaches = reaches;
        this.policy = policy;
        this.grants = grants;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public CaseHistoryView read(Actor reader, String caseId, Instant asOf) {
        CaseReach reach = reaches.find(caseId)
                .orElseThrow(() -> new NotFoundException("There is no case with this id."));
        CaseAccess access = policy.history(reader, reach, grants.active(reader.username(), caseId, clock.instant()));
        accessLog.record(reader, caseId, AccessedResource.CASE_HISTORY, access);
        return new CaseHistoryView(caseId, asOf, queries.entries(caseId, asOf));
    }
}
