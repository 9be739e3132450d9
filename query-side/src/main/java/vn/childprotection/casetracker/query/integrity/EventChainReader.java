package vn.childprotection.casetracker.query.integrity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored events and their chain rows with plain JDBC, straight from {@code domain_event_entry} and
 * {@code event_chain} (never through Axon, whose deserialisation would hide what is stored). Events and chain rows
 * are joined on the global index so that a row missing on either side shows up as such.
 */
@Component
public class EventChainReader {

    private static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = """
            e.global_index AS e_global_index, e.event_identifier AS e_event_identifier,
            e.aggregate_identifier AS e_aggregate_identifier, e.sequence_number AS e_sequence_number, e.type,
            e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp,
            c.global_index AS c_global_index, c.aggregate_identifier AS c_aggregate_identifier,
            c.sequence_number AS c_sequence_number, c.event_identifier AS c_event_identifier, c.prev_hash, c.hash,
            c.store_prev_hash, c.store_hash, c.created_at, c.link_mac, c.chain_position, c.store_mac""";

    /**
     * A case's events with their chain rows, plus its chain rows whose event is gone or is another case's now;
     * in the case chain's order.
     */
    private static final String CASE_ROWS = """
            SELECT %1$s,
                   coalesce(c.sequence_number, e.sequence_number) AS walk_sequence,
                   coalesce(c.global_index, e.global_index) AS walk_index
            FROM domain_event_entry e LEFT JOIN event_chain c ON c.global_index = e.global_index
            WHERE e.aggregate_identifier = ?
            UNION ALL
            SELECT %1$s, c.sequence_number, c.global_index
            FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            WHERE c.aggregate_identifier = ?
              AND (e.global_index IS NULL OR e.aggregate_identifier <> c.aggregate_identifier)
            ORDER BY walk_sequence, walk_index""".formatted(COLUMNS);

    /**
     * Each chain row with its case's previous chain row, over the narrow chain table (for naming a missing position
     * only).
     */
    private static final String CHAIN_WITH_CASE_PREDECESSOR = """
            SELECT chain.*,
                   lag(chain.sequence_number) OVER per_case AS case_prev_sequence,
                   lag(chain.hash) OVER per_case AS case_prev_hash
            FROM event_chain chain
            WINDOW per_case AS (PARTITION BY chain.aggregate_identifier ORDER BY chain.sequence_number)""";

    /**
     * The case's previous chain row of chain row {@code c}, by the unique (case, sequence number) index: one index
     * probe per row, so that the walks below stream in their own order without sorting the chain.
     */
    private static final String CASE_PREDECESSOR = """
            LEFT JOIN LATERAL (SELECT p.sequence_number AS case_prev_sequence, p.hash AS case_prev_hash
                               FROM event_chain p
                               WHERE p.aggregate_identifier = c.aggregate_identifier
                                 AND p.sequence_number < c.sequence_number
                               ORDER BY p.sequence_number DESC LIMIT 1) prev ON true""";

    /** The sealed links, in chain position order (the unique index on chain_position gives the order). */
    private static final String SEALED_ROWS = """
            SELECT %s, prev.case_prev_sequence, prev.case_prev_hash
            FROM event_chain c
            LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            %s
            WHERE c.chain_position IS NOT NULL
            ORDER BY c.chain_position""".formatted(COLUMNS, CASE_PREDECESSOR);

    /** Chain rows not sealed yet, and events without a chain row, in global index order. */
    private static final String UNSEALED_ROWS = """
            SELECT %s, prev.case_prev_sequence, prev.case_prev_hash
            FROM (SELECT u.global_index FROM event_chain u WHERE u.chain_position IS NULL
                  UNION ALL
                  SELECT d.global_index FROM domain_event_entry d
                  WHERE NOT EXISTS (SELECT 1 FROM event_chain x WHERE x.global_index = d.global_index)) k
            LEFT JOIN event_chain c ON c.global_index = k.global_index
            LEFT JOIN domain_event_entry e ON e.global_index = k.global_index
            %s
            ORDER BY k.global_index""".formatted(COLUMNS, CASE_PREDECESSOR);

    private static final String HEAD = """
            SELECT c.global_index AS c_global_index, c.aggregate_identifier AS c_aggregate_identifier,
                   c.sequence_number AS c_sequence_number, c.event_identifier AS c_event_identifier, c.prev_hash,
                   c.hash, c.store_prev_hash, c.store_hash, c.created_at, c.link_mac, c.chain_position, c.store_mac,
                   e.time_stamp
            FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            WHERE c.chain_position IS NOT NULL
            ORDER BY c.chain_position DESC LIMIT 1""";

    /** The first event left without its chain row, for naming a missing chain position. */
    private static final String FIRST_EVENT_WITHOUT_CHAIN_ROW = """
            SELECT e.global_index, e.aggregate_identifier, e.sequence_number
            FROM domain_event_entry e
            WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)
            ORDER BY e.global_index LIMIT 1""";

    /** The first sequence number missing from a case's chain rows, for naming a missing chain position. */
    private static final String FIRST_CASE_GAP = """
            SELECT aggregate_identifier, coalesce(case_prev_sequence + 1, 0) AS missing
            FROM (%s) c
            WHERE sequence_number <> coalesce(case_prev_sequence + 1, 0)
            ORDER BY chain_position NULLS LAST, global_index LIMIT 1""".formatted(CHAIN_WITH_CASE_PREDECESSOR);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public EventChainReader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * One case's rows in sequence order (a case's history fits in memory).
     */
    public List<ChainRow> caseRows(String caseId) {
        return jdbc.query(CASE_ROWS, (rs, i) -> row(rs), caseId, caseId);
    }

    /**
     * Hands every row of the store to {@code each}: the sealed links in chain position order, then
     * {@link StoreRowHandler#sealedLinksEnd()}, then the rest in global index order; from database cursors inside
     * one read-only repeatable-read transaction (one snapshot), so that no more than a fetch of rows is ever in
     * memory.
     */
    public void forEachStoreRow(StoreRowHandler each) {
        snapshot.executeWithoutResult(status -> {
            stream(SEALED_ROWS, each);
            each.sealedLinksEnd();
            stream(UNSEALED_ROWS, each);
        });
    }

    /**
     * The latest link of the store chain, if any event was ever sealed.
     */
    public Optional<StoreHead> head() {
        return jdbc.query(HEAD, rs -> {
            if (!rs.next()) {
                return Optional.<StoreHead>empty();
            }
            ChainLink link = link(rs);
            return Optional.of(new StoreHead(link.globalIndex(), EventChainEncoding.hex(link.storeHash()),
                    HeadTime.of(rs.getString("time_stamp"), link.createdAt()), link.chainPosition()));
        });
    }

    /**
     * What a missing chain position left behind, as precisely as the store tells: the first event without its chain
     * row, else the first sequence number missing from a case's chain.
     *
     * @return the event or the case's gap, without chain position; empty when nothing shows
     */
    public Optional<BrokenLink> traceOfMissingLink() {
        List<BrokenLink> orphan = jdbc.query(FIRST_EVENT_WITHOUT_CHAIN_ROW, (rs, i) -> BrokenLink.at(
                rs.getLong(1), rs.getString(2), rs.getLong(3), ChainProblem.CHAIN_ROW_MISSING));
        if (!orphan.isEmpty()) {
            return Optional.of(orphan.get(0));
        }
        return jdbc.query(FIRST_CASE_GAP, (rs, i) -> BrokenLink.at(null, rs.getString(1), rs.getLong(2),
                ChainProblem.EVENT_MISSING)).stream().findFirst();
    }

    /**
     * Receives the rows of the store walk.
     */
    public interface StoreRowHandler {

        /**
         * @param casePreviousSequence the sequence number of the case's previous chain row, null for none
         * @param casePreviousHash     its hash, null for none
         */
        void accept(ChainRow row, Long casePreviousSequence, byte[] casePreviousHash);

        /** Called once, after the last sealed link and before the first row not sealed. */
        void sealedLinksEnd();
    }

    private void stream(String sql, StoreRowHandler each) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (RowCallbackHandler) rs -> {
            Long previousSequence = rs.getObject("case_prev_sequence", Long.class);
            each.accept(row(rs), previousSequence, rs.getBytes("case_prev_hash"));
        });
    }

    private static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(event(rs), rs.getObject("c_global_index") == null ? null : link(rs));
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        if (rs.getObject("e_global_index") == null) {
            return null;
        }
        return new StoredEvent(rs.getLong("e_global_index"), rs.getString("e_event_identifier"),
                rs.getString("e_aggregate_identifier"), rs.getLong("e_sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"), rs.getString("time_stamp"));
    }

    private static ChainLink link(ResultSet rs) throws SQLException {
        OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
        return new ChainLink(rs.getLong("c_global_index"), rs.getString("c_aggregate_identifier"),
                rs.getLong("c_sequence_number"), rs.getString("c_event_identifier"), rs.getBytes("prev_hash"),
                rs.getBytes("hash"), rs.getBytes("store_prev_hash"), rs.getBytes("store_hash"),
                createdAt == null ? null : createdAt.toInstant(), rs.getBytes("link_mac"),
                rs.getObject("chain_position", Long.class), rs.getBytes("store_mac"));
    }
}
