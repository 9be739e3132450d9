package vn.childprotection.casetracker.query.admin;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A projection as the rebuild knows it: its name (used in the admin API and in the shadow schema's name), the Axon
 * processing group whose handlers write it, and every table that group writes.
 * <p>
 * Declare one as a Spring bean per processing group; {@link ProjectionRebuilds} discovers them all. The contract a
 * rebuild relies on: the group writes only these tables, reads no other group's tables, and names them unqualified
 * (so {@code search_path} can point the handlers at the shadow copies). A table left out of the list would keep the
 * rows written by the live processor while the group's tokens jump to the rebuild's position.
 *
 * @param name            the projection's name in the admin API, e.g. {@code risk-register}
 * @param processingGroup the processing group (and name of the live processor)
 * @param tables          the tables in schema {@code public} the group writes
 */
public record ProjectionDefinition(String name, String processingGroup, List<String> tables) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ProjectionDefinition {
        Objects.requireNonNull(processingGroup, "processingGroup");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A projection name is lower case letters, digits and '-' (at most "
                    + "40), starting with a letter: " + name);
        }
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("Projection " + name + " names no table");
        }
        for (String table : tables) {
            if (table == null || !TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("Projection " + name + ": not a plain lower-case table name: "
                        + table);
            }
        }
        if (tables.stream().distinct().count() != tables.size()) {
            throw new IllegalArgumentException("Projection " + name + " names a table twice");
        }
        tables = List.copyOf(tables);
    }

    /**
     * A projection named after its processing group, as all of the query side's are.
     */
    public static ProjectionDefinition of(String processingGroup, String... tables) {
        return new ProjectionDefinition(processingGroup, processingGroup, List.of(tables));
    }

    /**
     * The part of the schema names used while rebuilding: the name with '-' turned into '_'.
     */
    String schemaSuffix() {
        return name.replace('-', '_');
    }
}
