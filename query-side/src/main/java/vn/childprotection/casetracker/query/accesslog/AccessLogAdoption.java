package vn.childprotection.casetracker.query.accesslog;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adopts the access log rows written before the chain existed (up to {@code access_log_chain_adoption
 * .up_to_entry_id}, recorded by migration V3_8): computes their row MACs once, at the first sealing turn with the
 * key, so that the sealer links them like new ones. What they were before adoption is vouched for by nothing but the
 * append-only trigger; from then on they are evidence like the others.
 * <p>
 * Adopts only while no chain row of those entries exists, so resetting {@code adopted_at} in the database cannot
 * make the service vouch for rows slipped in later without deleting the links already made (a position gap).
 */
@Component
class AccessLogAdoption {

    private static final Logger log = LoggerFactory.getLogger(AccessLogAdoption.class);
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final AccessLogLinks links;

    AccessLogAdoption(JdbcTemplate jdbc, AccessLogLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /**
     * @return the last entry id to adopt, or null when adoption is done (or there was nothing to adopt)
     */
    Long pendingUpTo() {
        List<Long> upTo = jdbc.queryForList("SELECT up_to_entry_id FROM access_log_chain_adoption"
                + " WHERE adopted_at IS NULL", Long.class);
        return upTo.isEmpty() ? null : upTo.get(0);
    }

    /**
     * Adopts the old rows if not done yet; to be called in the sealer's transaction, under its lock.
     */
    void adoptIfNeeded() {
        Long upTo = pendingUpTo();
        if (upTo == null) {
            return;
        }
        Boolean linkedBefore = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM access_log_chain"
                + " WHERE entry_id <= ?)", Boolean.class, upTo);
        if (Boolean.TRUE.equals(linkedBefore)) {
            log.error("Access log: adoption of the entries up to {} is marked as not done, yet some of them are "
                    + "chained already; not adopting again", upTo);
            return;
        }
        long after = 0;
        long adopted = 0;
        while (true) {
            List<AccessLogRow> rows = jdbc.query("SELECT " + AccessLogRow.COLUMNS + " FROM access_log a"
                    + " WHERE a.entry_id > ? AND a.entry_id <= ? ORDER BY a.entry_id LIMIT " + PAGE,
                    (rs, i) -> AccessLogRow.read(rs), after, upTo);
            if (rows.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("INSERT INTO access_log_chain (entry_id, row_mac) VALUES (?, ?)",
                    rows.stream().map(row -> new Object[] {row.entryId(), links.rowMac(row)}).toList());
            adopted += rows.size();
            after = rows.get(rows.size() - 1).entryId();
        }
        jdbc.update("UPDATE access_log_chain_adoption SET adopted_at = now() WHERE adopted_at IS NULL");
        log.warn("Access log: adopted {} entries logged before the chain existed (up to entry {})", adopted, upTo);
    }
}
