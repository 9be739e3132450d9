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
            c.store_prev_hash, c.store_hash, c.created_at""";

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
     * Every event and chain row in global index order, each chain row with its case's previous chain row
     * (computed over the narrow chain table, so the database sorts no payloads for it).
     */
    private static final String STORE_ROWS = """
            SELECT %s, c.case_prev_sequence, c.case_prev_hash
            FROM domain_event_entry e
            FULL JOIN (SELECT chain.*,
                              lag(chain.sequence_number) OVER per_case AS case_prev_sequence,
                              lag(chain.hash) OVER per_case AS case_prev_hash
                       FROM event_chain chain
                       WINDOW per_case AS (PARTITION BY chain.aggregate_identifier ORDER BY chain.sequence_number)) c
                ON c.global_index = e.global_index
            ORDER BY coalesce(c.global_index, e.global_index)""".formatted(COLUMNS);

    private static final String HEAD = """
            SELECT c.global_index AS c_global_index, c.aggregate_identifier AS c_aggregate_identifier,
                   c.sequence_number AS c_sequence_number, c.event_identifier AS c_event_identifier, c.prev_hash,
                   c.hash, c.store_prev_hash, c.store_hash, c.created_at, e.time_stamp
            FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            ORDER BY c.global_index DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public EventChainReader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * One case's rows in sequence order (a case's history fits in memory).
     */
    public List<ChainRow> caseRows(String caseId) {
        return jdbc.query(CASE_ROWS, (rs, i) -> row(rs), caseId, caseId);
    }

    /**
     * Hands every row of the store to {@code each} in global index order, from a database cursor inside one
     * read-only transaction (one snapshot), so that no more than a fetch of rows is ever in memory.
     */
    public void forEachStoreRow(StoreRowHandler each) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(STORE_ROWS);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (RowCallbackHandler) rs -> {
            Long previousSequence = rs.getObject("case_prev_sequence", Long.class);
            each.accept(row(rs), previousSequence, rs.getBytes("case_prev_hash"));
        }));
    }

    /**
     * The latest link of the store chain, if any event was ever chained.
     */
    public Optional<StoreHead> head() {
        return jdbc.query(HEAD, rs -> {
            if (!rs.next()) {
                return Optional.<StoreHead>empty();
            }
            ChainLink link = link(rs);
            return Optional.of(new StoreHead(link.globalIndex(), EventChainEncoding.hex(link.storeHash()),
                    HeadTime.of(rs.getString("time_stamp"), link.createdAt())));
        });
    }

    /**
     * Receives one row of the store walk.
     */
    @FunctionalInterface
    public interface StoreRowHandler {

        void accept(ChainRow row, Long casePreviousSequence, byte[] casePreviousHash);
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
                createdAt == null ? null : createdAt.toInstant());
    }
}
