package vn.childprotection.casetracker.query.paging;

/**
 * How many rows one page of a register or queue holds: {@value #DEFAULT} unless the caller asks for another number
 * with {@code limit}, from 1 to {@value #MAX}. The bound keeps every answer small (about 300 bytes a row: at most
 * a few hundred kilobytes), whatever the size of the store.
 */
public final class PageLimit {

    /** The query parameter. */
    public static final String PARAMETER = "limit";
    /** Rows per page when {@code limit} is not given. */
    public static final int DEFAULT = 100;
    /** The largest {@code limit} accepted. */
    public static final int MAX = 1000;
    /** The parameter's description in the API document. */
    public static final String DESCRIPTION = "Rows per page, 1 to 1000; 100 when not given";
    /** What a refused {@code limit} is told. */
    public static final String PROBLEM = "must be a whole number from 1 to " + MAX;

    private PageLimit() {
    }

    /**
     * Whether a {@code limit} sent by the caller is within bounds; {@code null} (not sent) is.
     */
    static boolean isValid(Integer limit) {
        return limit == null || (limit >= 1 && limit <= MAX);
    }

    /**
     * The number of rows to answer: {@code limit}, or {@value #DEFAULT} when it was not sent.
     */
    static int orDefault(Integer limit) {
        return limit == null ? DEFAULT : limit;
    }
}
