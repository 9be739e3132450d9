package vn.childprotection.casetracker.query.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL side of a rebuild: the shadow schema and its tables, the switch, and the clean-up. Every identifier used
 * here comes from a validated {@link ProjectionDefinition} or from this class, never from a request.
 * <p>
 * Shadow tables are made with {@code CREATE TABLE ... (LIKE public.t INCLUDING ALL)}: columns, defaults, NOT NULL
 * and CHECK constraints, primary key and indexes (under generated names), identity columns (with a sequence of their
 * own) and comments. {@code LIKE} does not copy foreign keys, triggers, grants or dependent views, and a
 * {@code serial} default would keep pointing at the live table's sequence, which the switch retires and drops; a
 * table with any of these is refused before anything is created.
 */
@Component
class ShadowTables {

    private static final Logger log = LoggerFactory.getLogger(ShadowTables.class);
    private static final DateTimeFormatter RETIRED_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String INDEXES = """
            SELECT c.relname AS name,
                   (CASE WHEN i.indisprimary THEN 'P' WHEN i.indisunique THEN 'U' ELSE 'I' END)
                       || substring(pg_get_indexdef(i.indexrelid) FROM ' USING .*$') AS definition
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = to_regclass(?)
            ORDER BY c.relname""";

    private static final String DEFERRABLE_INDEXES = """
            SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid = to_regclass(?) AND NOT i.indisunique AND NOT i.indisprimary
              AND a.attname <> 'case_id'
            ORDER BY c.relname""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate inTransaction;
    private final TokenSchema tokens;
    private final DeadLetterSchema letters;
    private final ApplicationEventPublisher events;

    ShadowTables(JdbcTemplate jdbc, PlatformTransactionManager transactions, TokenSchema tokens,
                 DeadLetterSchema letters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.inTransaction = new TransactionTemplate(transactions);
        this.tokens = tokens;
        this.letters = letters;
        this.events = events;
    }

    static String shadowSchema(ProjectionDefinition projection) {
        return "rebuild_" + projection.schemaSuffix();
    }

    static String retiredSchema(ProjectionDefinition projection, Instant at) {
        return "retired_" + projection.schemaSuffix() + "_" + RETIRED_STAMP.format(at);
    }

    /**
     * Refuses a projection whose tables a {@code LIKE} copy would not reproduce (see the class comment), or that
     * do not exist.
     */
    void checkCopyable(ProjectionDefinition projection) {
        List<String> problems = new ArrayList<>();
        for (String table : projection.tables()) {
            String qualified = "public." + table;
            if (jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, qualified) != Boolean.TRUE) {
                problems.add(table + " does not exist in schema public");
                continue;
            }
            if (count("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                    + "AND (conrelid = to_regclass(?) OR confrelid = to_regclass(?))", qualified, qualified) > 0) {
                problems.add(table + " has a foreign key");
            }
            if (count("SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal",
                    qualified) > 0) {
                problems.add(table + " has a trigger");
            }
            if (count("SELECT count(*) FROM pg_attrdef WHERE adrelid = to_regclass(?) "
                    + "AND pg_get_expr(adbin, adrelid) LIKE '%nextval(%'", qualified) > 0) {
                problems.add(table + " has a serial (sequence) default");
            }
            if (count("SELECT count(*) FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
                    + "WHERE d.refobjid = to_regclass(?) AND r.ev_class <> d.refobjid", qualified) > 0) {
                problems.add(table + " has a view depending on it");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Projection " + projection.name() + " cannot be rebuilt in a shadow "
                    + "schema: " + String.join("; ", problems));
        }
    }

    /**
     * Removes what an interrupted earlier rebuild may have left: its shadow schema, its processor's tokens and a
     * retired schema the switch had no time to drop.
     */
    void removeLeftovers(ProjectionDefinition projection, String rebuildProcessor) {
        dropShadow(projection, rebuildProcessor);
        Pattern retired = Pattern.compile("retired_" + Pattern.quote(projection.schemaSuffix()) + "_[0-9]{14}");
        for (String schema : jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'retired%'",
                String.class)) {
            if (retired.matcher(schema).matches()) {
                dropSchema(schema);
            }
        }
    }

    /**
     * Creates the shadow schema with an empty copy of every table of the projection, in one transaction.
     */
    void createShadow(ProjectionDefinition projection) {
        String schema = shadowSchema(projection);
        inTransaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA " + schema);
            for (String table : projection.tables()) {
                jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
        });
    }

    /**
     * Drops the indexes of the shadow tables that a rebuild's bulk replay does not read through, so that its inserts
     * do not maintain them row by row; {@link #createIndexes} builds them again, each in one pass over the loaded
     * table, before the rebuild's processor starts. Kept: primary keys and unique indexes (conflict targets and
     * constraints), and every index whose first column is {@code case_id} (the batches' loads and deletes go by case,
     * {@code case_id = ANY (?)}, and a rebuild transaction reads only through indexes). Expression indexes are kept.
     *
     * @return the dropped indexes' definitions ({@code pg_get_indexdef}, schema-qualified), to create again
     */
    List<String> dropDeferrableIndexes(ProjectionDefinition projection) {
        String schema = shadowSchema(projection);
        List<String> definitions = new ArrayList<>();
        inTransaction.executeWithoutResult(status -> {
            for (String table : projection.tables()) {
                jdbc.query(DEFERRABLE_INDEXES, row -> {
                    definitions.add(row.getString("definition"));
                    jdbc.execute("DROP INDEX " + schema + "." + quote(row.getString("name")));
                }, schema + "." + table);
            }
        });
        return definitions;
    }

    /**
     * Creates the indexes {@link #dropDeferrableIndexes} dropped (those already there are left as they are).
     *
     * @param definitions their definitions, as that method returned them
     */
    void createIndexes(List<String> definitions) {
        for (String definition : definitions) {
            jdbc.execute(definition.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
        }
    }

    /**
     * The switch, in one transaction: the live tables move to the retired schema, the shadow tables to
     * {@code public}, their indexes take the live indexes' names (matched by definition), the live processor's
     * tokens become copies of the rebuild processor's, and its parked events the rebuild processor's (those of the
     * live run belong to the retired tables and are deleted). Both processors must be stopped. Readers wait only
     * for the table locks this takes; {@code lock_timeout} keeps that wait short, and a timeout rolls everything
     * back. Last, still in the transaction, it publishes {@link ProjectionSwitchingIn}, whose listeners write with
     * the switch.
     *
     * <p>First, in the same transaction, it releases through {@code liveTokens} every claim this instance still holds
     * on the live processor's segments: a stopped processor's claims are left in the table when it could not release
     * them itself (its coordinator backs off after an error, such as no connection from an exhausted pool, and its
     * release then fails the same way). The token store releases only claims of its own node, so a claim left after
     * that belongs to another instance.
     *
     * @param liveTokens the live processor's token store
     * @return how many parked events the live processor has now
     * @throws IllegalStateException if a segment of the live processor is claimed by another instance, or the
     *                               rebuild processor has no tokens
     */
    long switchIn(ProjectionDefinition projection, String liveProcessor, TokenStore liveTokens,
                  String rebuildProcessor, String retiredSchema) {
        String shadow = shadowSchema(projection);
        Long parked = inTransaction.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            for (int segment : liveTokens.fetchSegments(liveProcessor)) {
                liveTokens.releaseClaim(liveProcessor, segment);
            }
            List<String> owners = jdbc.queryForList("SELECT " + tokens.ownerColumn() + " FROM "
                    + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ? FOR UPDATE",
                    String.class, liveProcessor);
            if (owners.stream().anyMatch(owner -> owner != null)) {
                throw new IllegalStateException("A segment of processor " + liveProcessor + " is claimed by "
                        + "another instance; stop the query side's other instances before rebuilding");
            }
            jdbc.execute("CREATE SCHEMA " + retiredSchema);
            for (String table : projection.tables()) {
                jdbc.execute("ALTER TABLE public." + table + " SET SCHEMA " + retiredSchema);
            }
            for (String table : projection.tables()) {
                jdbc.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA public");
            }
            for (String table : projection.tables()) {
                renameIndexes(table, retiredSchema);
            }
            jdbc.update("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                    liveProcessor);
            int copied = jdbc.update("INSERT INTO " + tokens.tokenTable() + " (" + tokens.processorNameColumn()
                    + ", " + tokens.segmentColumn() + ", " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn()
                    + ", " + tokens.timestampColumn() + ", " + tokens.ownerColumn() + ") SELECT ?, "
                    + tokens.segmentColumn() + ", " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + ", "
                    + tokens.timestampColumn() + ", NULL FROM " + tokens.tokenTable() + " WHERE "
                    + tokens.processorNameColumn() + " = ?", liveProcessor, rebuildProcessor);
            if (copied == 0) {
                throw new IllegalStateException("The rebuild processor " + rebuildProcessor + " has no tokens");
            }
            jdbc.update("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                    rebuildProcessor);
            jdbc.update("DELETE FROM " + letters.deadLetterTable() + " WHERE " + letters.processingGroupColumn()
                    + " = ?", liveProcessor);
            long handedOver = jdbc.update("UPDATE " + letters.deadLetterTable() + " SET "
                    + letters.processingGroupColumn() + " = ? WHERE " + letters.processingGroupColumn() + " = ?",
                    liveProcessor, rebuildProcessor);
            events.publishEvent(new ProjectionSwitchingIn(projection.name()));
            return handedOver;
        });
        return parked == null ? 0 : parked;
    }

    /**
     * Gives each index of the table now in {@code public} the name of the retired table's index with the same
     * definition (kind, method, columns, predicate), so later migrations that name an index still find it. Two passes
     * through temporary names, so a generated name can never collide with a name being given.
     */
    private void renameIndexes(String table, String retiredSchema) {
        Map<String, List<String>> oldNamesByDefinition = new HashMap<>();
        jdbc.query(INDEXES, row -> {
            oldNamesByDefinition.computeIfAbsent(row.getString("definition"), d -> new ArrayList<>())
                    .add(row.getString("name"));
        }, retiredSchema + "." + table);
        List<String[]> renames = new ArrayList<>();
        jdbc.query(INDEXES, row -> {
            List<String> candidates = oldNamesByDefinition.get(row.getString("definition"));
            if (candidates == null || candidates.isEmpty()) {
                log.warn("Index {} of rebuilt table {} matches no index of the live table; it keeps its name",
                        row.getString("name"), table);
                return;
            }
            renames.add(new String[] {row.getString("name"), candidates.remove(0)});
        }, "public." + table);
        oldNamesByDefinition.forEach((definition, names) -> names.forEach(name ->
                log.warn("Index {} of table {} has no counterpart in the rebuilt table", name, table)));
        for (int i = 0; i < renames.size(); i++) {
            jdbc.execute("ALTER INDEX public." + quote(renames.get(i)[0]) + " RENAME TO rebuild_index_" + i);
        }
        for (int i = 0; i < renames.size(); i++) {
            jdbc.execute("ALTER INDEX public.rebuild_index_" + i + " RENAME TO " + quote(renames.get(i)[1]));
        }
    }

    /**
     * Drops the shadow schema and deletes the rebuild processor's tokens and parked events: what a failed rebuild
     * leaves behind.
     */
    void dropShadow(ProjectionDefinition projection, String rebuildProcessor) {
        dropSchema(shadowSchema(projection));
        jdbc.update("DELETE FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                rebuildProcessor);
        jdbc.update("DELETE FROM " + letters.deadLetterTable() + " WHERE " + letters.processingGroupColumn()
                + " = ?", rebuildProcessor);
    }

    void dropSchema(String schema) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    boolean schemaExists(String schema) {
        return count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", schema) > 0;
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
