package vn.childprotection.casetracker.query.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.web.util.UriUtils;

/**
 * The {@code next} link of a page: the relative URL of the same list with the same filters and the new cursor.
 */
final class NextLink {

    private NextLink() {
    }

    /**
     * The request's path as it was sent (so a context path or an encoded path segment stays as it is) and the given
     * query parameters, in their order, each value percent-encoded; null values are left out.
     */
    static String to(HttpServletRequest request, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", request.getRequestURI() + "?", "");
        parameters.forEach((name, value) -> {
            if (value != null) {
                // '+' is legal in a query but read as a space by form decoding: always sent encoded.
                query.add(name + "=" + UriUtils.encodeQueryParam(String.valueOf(value), StandardCharsets.UTF_8)
                        .replace("+", "%2B"));
            }
        });
        return query.toString();
    }
}
