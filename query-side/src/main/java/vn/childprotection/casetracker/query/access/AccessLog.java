package vn.childprotection.casetracker.query.access;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.childprotection.casetracker.platform.security.Actor;

/**
 * Writes the access log (<i>nhật ký truy cập</i>): who read which case, when and why. Only in the transaction of the
 * request that reads (propagation {@code MANDATORY}): the row commits before the answer is written, and if it
 * cannot be written the answer is not sent. No personal data: the reader, the case id, the kind of read, the
 * purpose and the grant.
 */
@Component
public class AccessLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor reader, String caseId, AccessedResource resource, Purpose purpose, String grantId) {
        jdbc.update("""
                INSERT INTO access_log (accessed_at, user_id, org_unit, role, case_id, resource, purpose, grant_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                clock.instant().atOffset(ZoneOffset.UTC), reader.username(), reader.orgUnit(), reader.role().name(),
                caseId, resource.name(), purpose.name(), grantId);
    }

    /**
     * Records a read of a case as {@link ReadPolicy} allowed it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor reader, String caseId, AccessedResource resource, CaseAccess access) {
        record(reader, caseId, resource, access.purpose(), access.grantId());
    }
}
