package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.hmac;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.int8;
import static vn.childprotection.casetracker.platform.integrity.ExpectedLinks.sha256;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Walks the sealed store chain as the contract defines it and asserts every link, independently of the sealer.
 */
final class StoreChainCheck {

    private StoreChainCheck() {
    }

    /**
     * @return the global indexes in chain position order, after asserting positions 1..n contiguous, each
     * store_prev_hash the previous store_hash, each store_hash and store_mac recomputed
     */
    static List<Long> sealedInOrder(DataSource db) throws Exception {
        List<Long> globalIndexes = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT chain_position, global_index, hash, store_prev_hash, "
                     + "store_hash, store_mac FROM event_chain WHERE chain_position IS NOT NULL "
                     + "ORDER BY chain_position")) {
            byte[] previous = new byte[32];
            long expectedPosition = 1;
            while (rs.next()) {
                long position = rs.getLong(1);
                long globalIndex = rs.getLong(2);
                assertThat(position).as("contiguous positions").isEqualTo(expectedPosition++);
                assertThat(rs.getBytes(4)).as("store_prev_hash at %d", position).isEqualTo(previous);
                byte[] storeHash = sha256(previous, int8(position), int8(globalIndex), rs.getBytes(3));
                assertThat(rs.getBytes(5)).as("store_hash at %d", position).isEqualTo(storeHash);
                assertThat(rs.getBytes(6)).as("store_mac at %d", position)
                        .isEqualTo(hmac("store-link/v1", int8(position), int8(globalIndex), previous, storeHash));
                previous = storeHash;
                globalIndexes.add(globalIndex);
            }
        }
        return globalIndexes;
    }

    static byte[] storeHashAt(DataSource db, long position) throws Exception {
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT store_hash FROM event_chain WHERE chain_position = " + position)) {
            assertThat(rs.next()).as("position %d sealed", position).isTrue();
            return rs.getBytes(1);
        }
    }
}
