package vn.childprotection.casetracker.query.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.query.accesslog.AccessLogLinks;
import vn.childprotection.casetracker.query.accesslog.AccessLogRow;

/**
 * Writes the access log (<i>nhật ký truy cập</i>): who read which case, when and why. Only in the transaction of the
 * request that reads (propagation {@code MANDATORY}): the row commits before the answer is written, and if it
 * cannot be written the answer is not sent. No personal data: the reader, the case id, the kind of read, the
 * purpose and the grant.
 * <p>
 * With each row, in the same transaction, its row MAC under the service's integrity key (one small insert into
 * {@code access_log_chain}, see {@link AccessLogLinks}); the access-log sealer links it into the chain after commit.
 * Nothing here takes a lock: concurrent reads are logged concurrently.
 */
@Component
public class AccessLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessLogLinks links;

    public AccessLog(JdbcTemplate jdbc, Clock clock, AccessLogLinks links) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.links = links;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor reader, String caseId, AccessedResource resource, Purpose purpose, String grantId) {
        // PostgreSQL keeps microseconds: the MAC covers the instant as stored.
        Instant accessedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long entryId = jdbc.queryForObject("""
                INSERT INTO access_log (accessed_at, user_id, org_unit, role, case_id, resource, purpose, grant_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING entry_id""", Long.class,
                accessedAt.atOffset(ZoneOffset.UTC), reader.username(), reader.orgUnit(), reader.role().name(),
                caseId, resource.name(), purpose.name(), grantId);
        AccessLogRow row = new AccessLogRow(entryId, accessedAt, reader.username(), reader.orgUnit(),
                reader.role().name(), caseId, resource.name(), purpose.name(), grantId);
        jdbc.update("INSERT INTO access_log_chain (entry_id, row_mac) VALUES (?, ?)", entryId, links.rowMac(row));
    }

    /**
     * Records a read of a case as {@link ReadPolicy} allowed it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor reader, String caseId, AccessedResource resource, CaseAccess access) {
        record(reader, caseId, resource, access.purpose(), access.grantId());
    }
}
