package vn.childprotection.casetracker.query.bulkhead;

import java.util.List;

/**
 * The reads that may count indicators (the counting families): indicators, statutory reports (JSON, CSV, XLSX), the
 * plan's targets and the statistics of indicators. A question of theirs is answered from the answer cache with one
 * short statement when its facts did not change, and otherwise counted, which takes seconds for a district over a
 * year. They are kept off the cheap reads' places ({@link ReadBulkhead}): {@link ReadBulkheadFilter} gives them a place
 * of the {@link SlowReadBulkhead} instead, which they give back while they wait for a count and count
 * ({@link RequestPlace#aside}).
 * <p>
 * The one list of their paths. {@code ReadBulkheadTest} checks that every endpoint of the {@code indicators} and
 * {@code reports} packages and every endpoint of indicators under {@code statistics} is in it, and that no other
 * endpoint is, so a new endpoint cannot slip out of its family.
 */
public final class SlowReads {

    /** Path prefixes of the counting families, below the context path. */
    public static final List<String> PATH_PREFIXES = List.of("/api/v1/indicators", "/api/v1/reports/",
            "/api/v1/targets/", "/api/v1/statistics/indicators");

    private SlowReads() {
    }

    /**
     * @param path a request's path below the context path (e.g. {@code /api/v1/reports/2025/annual})
     * @return whether it is a read of a counting family
     */
    public static boolean covers(String path) {
        for (String prefix : PATH_PREFIXES) {
            if (path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length()
                    || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
