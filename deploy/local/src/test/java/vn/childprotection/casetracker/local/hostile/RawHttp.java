package vn.childprotection.casetracker.local.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Sends a request exactly as drafted: the path and query as written (percent-escapes kept), any content type or
 * none, any bytes as the body, signed in with HTTP Basic (the demo users' password is their user name).
 */
final class RawHttp {

    /** An answer: status, {@code Content-Type} (empty when absent) and body text. */
    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer send(RequestDraft draft) {
        byte[] body = draft.bodyBytes();
        return send(draft.operation.method(), draft.target(), draft.user, draft.contentType, draft.headers, body);
    }

    Answer send(String method, String target, String user, String contentType, Map<String, String> headers,
                byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + target))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Answer(-1, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
