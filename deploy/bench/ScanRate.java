import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw ordered scan of the event store, the baseline the benchmark {@code deploy/bench/scale.sh} compares each
 * projection's rebuild with: reads the whole {@code domain_event_entry} in {@code global_index} order over JDBC, every
 * column a projection's processor reads, in batches of {@code --batch} rows ({@code WHERE global_index > ? ORDER BY
 * global_index LIMIT ?}, an index scan from where the previous batch ended, as an event processor reads), and prints
 * {@code rows=... seconds=... rate=... payload_bytes=... parsed=false|true}. With {@code --parse true} each payload is
 * also parsed into a JSON tree with Jackson 3 (the serializer of the events), so the rate includes what turning the
 * bytes into something a handler can read costs.
 * <p>
 * The time counted starts once connected. Needs the PostgreSQL JDBC driver and Jackson 3 (databind, core,
 * annotations) on the class path; the script takes them from the service's own jar.
 */
public final class ScanRate {

    private ScanRate() {
    }

    /**
     * @param args {@code --jdbc} the database's JDBC URL (required), {@code --user} (default {@code postgres}),
     *             {@code --batch} rows per query (default 1000), {@code --parse} whether to parse each payload as
     *             JSON (default false)
     * @throws Exception when the database cannot be read
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String jdbc = options.get("jdbc");
        if (jdbc == null) {
            throw new IllegalArgumentException("--jdbc jdbc:postgresql://localhost:PORT/postgres is required");
        }
        int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
        boolean parse = Boolean.parseBoolean(options.getOrDefault("parse", "false"));
        JsonMapper json = JsonMapper.builder().build();

        long rows = 0;
        long payloadBytes = 0;
        long nodes = 0;
        long start = 0;
        try (Connection connection = DriverManager.getConnection(jdbc, options.getOrDefault("user", "postgres"), "");
             PreparedStatement select = connection.prepareStatement("""
                     SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                            payload_type, payload_revision, payload, meta_data
                       FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?""")) {
            connection.setReadOnly(true);
            select.setFetchSize(batch);
            start = System.nanoTime();
            long after = -1;
            for (boolean more = true; more; ) {
                select.setLong(1, after);
                select.setInt(2, batch);
                int inBatch = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        byte[] payload = rs.getBytes(9);
                        rs.getBytes(10);
                        payloadBytes += payload.length;
                        if (parse) {
                            JsonNode tree = json.readTree(payload);
                            nodes += tree.size();
                        }
                        inBatch++;
                    }
                }
                rows += inBatch;
                more = inBatch == batch;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "rows=%d seconds=%.2f rate=%.0f payload_bytes=%d parsed=%s fields=%d%n", rows,
                seconds, rows / seconds, payloadBytes, parse, nodes);
    }
}
