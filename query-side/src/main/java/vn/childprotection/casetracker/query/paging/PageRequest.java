package vn.childprotection.casetracker.query.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.childprotection.casetracker.platform.problem.BadRequestException;
import vn.childprotection.casetracker.platform.problem.FieldProblem;

/**
 * One page asked of a register or queue: how many rows, and after which row (none for the first page).
 *
 * @param scope      the list and its applied filters (after the access rules)
 * @param askedLimit the {@code limit} the caller sent, or null (then {@value PageLimit#DEFAULT})
 * @param after      the sort key of the last row of the page before; empty for the first page
 */
public record PageRequest(ListScope scope, Integer askedLimit, Optional<CursorKey> after) {

    /**
     * Checks {@code limit} and {@code cursor} together.
     *
     * @param keySize how many values the list's sort key has
     * @throws BadRequestException naming {@code limit} and/or {@code cursor}: a limit out of bounds, a cursor that
     *                             cannot be read or was changed, or one of another list, filter or sort order
     */
    public static PageRequest of(ListScope scope, Integer limit, String cursor, int keySize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!PageLimit.isValid(limit)) {
            problems.add(new FieldProblem(PageLimit.PARAMETER, PageLimit.PROBLEM));
        }
        Optional<CursorKey> after = Optional.empty();
        if (cursor != null) {
            PageCursor.Decoded decoded = PageCursor.decode(cursor, scope, keySize);
            if (decoded.problem() != null) {
                problems.add(new FieldProblem(PageCursor.PARAMETER, decoded.problem()));
            }
            after = decoded.key();
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return new PageRequest(scope, limit, after);
    }

    /** Rows on the page. */
    public int limit() {
        return PageLimit.orDefault(askedLimit);
    }

    /** Rows to read: one more than the page holds, to know whether another page follows. */
    public int rowsToRead() {
        return limit() + 1;
    }

    /** Whether this is the first page (no cursor). */
    public boolean isFirst() {
        return after.isEmpty();
    }

    /**
     * The page from the rows read ({@link #rowsToRead()} at most), with the link to the next one.
     *
     * @param rows    the rows read, in the list's order
     * @param keyOf   a row's sort key as the list's cursor carries it
     * @param request the request answered: the link keeps its path
     * @param filters the filters as the caller sent them, by parameter name (null values are left out); the link
     *                repeats them, then {@code limit} when it was sent, then the new {@code cursor}
     */
    public <T> Page<T> page(List<T> rows, Function<T, List<String>> keyOf, HttpServletRequest request,
                            Map<String, ?> filters) {
        if (rows.size() <= limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit());
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put(PageLimit.PARAMETER, askedLimit);
        parameters.put(PageCursor.PARAMETER, PageCursor.encode(scope, keyOf.apply(items.get(items.size() - 1))));
        return new Page<>(List.copyOf(items), NextLink.to(request, parameters));
    }

    /**
     * The rows of one page and the link to the next, or null on the last page.
     */
    public record Page<T>(List<T> items, String next) {
    }
}
