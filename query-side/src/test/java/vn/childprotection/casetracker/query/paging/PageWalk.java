package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a paged list as a client does: the first page, then each {@code next} link until it is null.
 */
public final class PageWalk {

    /** More pages than any list of the test module can have: a loop of next links fails the test. */
    private static final int MAX_PAGES = 10_000;

    private PageWalk() {
    }

    /**
     * Every page from {@code path} on, in order.
     *
     * @param read reads one page (a relative URL) and answers its body; it must fail the test on anything but 200
     */
    public static List<JsonNode> pages(Function<String, JsonNode> read, String path) {
        List<JsonNode> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            assertThat(pages).as("pages of %s", path).hasSizeLessThan(MAX_PAGES);
            JsonNode page = read.apply(next);
            pages.add(page);
            next = page.get("next").isNull() ? null : page.get("next").asString();
        }
        return pages;
    }

    /**
     * The rows of every page from {@code path} on, concatenated in order.
     *
     * @param field the array of rows in a page ({@code cases}, {@code items})
     */
    public static List<JsonNode> rows(Function<String, JsonNode> read, String path, String field) {
        return pages(read, path).stream().flatMap(page -> page.get(field).values().stream()).toList();
    }

    /**
     * The first page from {@code path} with the rows of every page in its {@code field}, as if the list were not
     * paged: for tests about what a list holds rather than how it is paged.
     */
    public static JsonNode whole(Function<String, JsonNode> read, String path, String field, JsonMapper json) {
        List<JsonNode> pages = pages(read, path);
        ObjectNode whole = (ObjectNode) pages.get(0).deepCopy();
        whole.putArray(field).addAll(pages.stream().flatMap(page -> page.get(field).values().stream()).toList());
        return whole;
    }
}
