package vn.childprotection.casetracker.platform.integrity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link AnchorWitness} kept by another service over HTTP ({@code casetracker.integrity.anchor.url}), e.g. one
 * run by another organisation, so that no one person holds both the database and the anchors. The protocol:
 * <ul>
 *     <li>{@code POST <url>} with {@code Content-Type: application/json} and the body
 *     {@code {"chain":"events","position":1200,"head":"<64 lowercase hex digits>","anchoredAt":"2026-01-05T03:00:00Z"}}:
 *     records it; any 2xx answer means recorded durably;</li>
 *     <li>{@code GET <url>?chain=events}: answers 200 with a JSON array of such objects, oldest first.</li>
 * </ul>
 * Each call times out after 10 s; a failure raises {@link IllegalStateException} (the sealer tries again later).
 */
public class HttpAnchorWitness implements AnchorWitness {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of();

    private final URI url;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param url the witness's endpoint (http or https)
     */
    public HttpAnchorWitness(URI url) {
        this.url = url;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void record(ChainAnchor anchor) {
        var body = json.createObjectNode()
                .put("chain", anchor.chain())
                .put("position", anchor.position())
                .put("head", HEX.formatHex(anchor.head()))
                .put("anchoredAt", anchor.anchoredAt().toString());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        send(request, "record an anchor in");
    }

    @Override
    public List<ChainAnchor> anchors(String chain) {
        URI query = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "chain="
                + URLEncoder.encode(chain, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(query).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        String body = send(request, "read the anchors from");
        try {
            List<ChainAnchor> anchors = new ArrayList<>();
            for (JsonNode node : json.readTree(body)) {
                anchors.add(new ChainAnchor(node.get("chain").asString(), node.get("position").asLong(),
                        HEX.parseHex(node.get("head").asString()), Instant.parse(node.get("anchoredAt").asString())));
            }
            return anchors;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The anchor witness " + url + " answered something else than a list "
                    + "of anchors", e);
        }
    }

    @Override
    public String describe() {
        return url.toString();
    }

    private String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Cannot " + what + " " + url + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot " + what + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what + " " + url, e);
        }
    }
}
