package vn.childprotection.casetracker.query.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which list a cursor pages through: the list's name and the filters applied after the access rules (for a commune
 * user who named no commune, their own commune). A cursor is only read back within the same scope, so a cursor of
 * one list, one commune or one sort order is refused by every other.
 *
 * @param list    the list's name, e.g. {@code risk-register}
 * @param filters the applied filters as {@code name=value} pairs in a fixed order; a filter not applied is
 *                {@code name=} with no value
 */
public record ListScope(String list, List<String> filters) {

    public ListScope {
        Objects.requireNonNull(list, "list");
        filters = List.copyOf(filters);
    }

    /**
     * A scope from the list's name and its filters as alternating names and values ({@code null} when not applied).
     *
     * @throws IllegalArgumentException when names and values do not pair up
     */
    public static ListScope of(String list, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("filters come as name, value pairs");
        }
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            filters.add(namesAndValues[i] + "=" + (value == null ? "" : value));
        }
        return new ListScope(list, filters);
    }

    /**
     * The canonical text the cursor's fingerprint is taken over: the list's name, then each filter, one per line.
     */
    String canonical() {
        return list + "\n" + String.join("\n", filters);
    }
}
