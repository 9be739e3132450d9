package vn.childprotection.casetracker.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to a running service over real HTTP, as a user would.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response get(String path, String user) {
        return send(builder(path, user).GET(), user);
    }

    public Response post(String path, String user, String body) {
        return post(path, user, body, Map.of());
    }

    public Response post(String path, String user, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder, user);
    }

    public Response put(String path, String user, String body) {
        return put(path, user, body, Map.of());
    }

    public Response put(String path, String user, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder, user);
    }

    /**
     * A POST signed in with a password other than the user name (the demo users' password).
     */
    public Response postWithPassword(String path, String user, String password, String body) {
        return send(builder(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
    }

    /**
     * A GET without HTTP Basic credentials, with these headers (e.g. {@code Authorization: Bearer ...}).
     */
    public Response getWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path, null).GET();
        headers.forEach(builder::header);
        return send(builder, null);
    }

    /**
     * A JSON POST without HTTP Basic credentials, with these headers (e.g. {@code Authorization: Bearer ...}).
     */
    public Response postWithHeaders(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = builder(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder, null);
    }

    public Response postRaw(String path, String user, String contentType, byte[] body) {
        return send(builder(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * A JSON object from alternating keys and values, keeping their order.
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder builder(String path, String user) {
        return builder(path, user, user);
    }

    private HttpRequest.Builder builder(String path, String user, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            String credentials = user + ":" + password;
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, String user) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP answer.
     */
    public record Response(int status, String contentType, Map<String, java.util.List<String>> headers,
                           String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /**
         * Every value of a header that may be sent more than once (e.g. {@code WWW-Authenticate}).
         */
        public java.util.List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
