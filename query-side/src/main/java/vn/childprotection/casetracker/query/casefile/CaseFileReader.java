package vn.childprotection.casetracker.query.casefile;

import java.time.Clock;
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

/**
 * Reads a case file for one reader: finds it (404 when unknown), asks {@link ReadPolicy} what the reader may see
 * (403 when nothing), builds that view and, when it opens personal data, records the read in the access log (<i>nhật
 * ký truy cập</i>), all in one transaction that commits before the answer is written.
 */
@Service
public class CaseFileReader {

    private final CaseFileQueries queries;
    private final CaseFileOpener opener;
    private final ReadPolicy policy;
    private final BreakTheGlassGrants grants;
    private final AccessLog accessLog;
    private final Clock clock;

    public CaseFileReader(CaseFileQueries queries, CaseFileOpener opener, ReadPolicy policy,
                          BreakTheGlassGrants grants, AccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.opener = opener;
        this.policy = policy;
        this.grants = grants;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public CaseFileAnswer read(Actor reader, String caseId) {
        CaseFileQueries.StoredCaseFile stored = queries.find(caseId)
                .orElseThrow(() -> new NotFoundException("There is no case with this id."));
        CaseReach reach = CaseReach.of(stored.doc());
        CaseAccess access = policy.caseFile(reader, reach,
                grants.active(reader.username(), caseId, clock.instant()));
        if (access.view().opensPersonalData()) {
            accessLog.record(reader, caseId, AccessedResource.CASE_FILE, access);
        }
        return opener.answer(stored.doc(), access.view(), reader.orgUnit());
    }
}
