package vn.childprotection.casetracker.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP witness speaks the documented protocol: POST one anchor as JSON, GET {@code ?chain=} the list back.
 */
class HttpAnchorWitnessTest {

    private HttpServer server;
    private final List<String> posted = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private volatile int status = 201;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/anchors", exchange -> {
            byte[] answer;
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer = new byte[0];
            } else {
                queries.add(exchange.getRequestURI().getRawQuery());
                answer = ("[{\"chain\":\"events\",\"position\":1000,\"head\":\"" + "ab".repeat(32)
                        + "\",\"anchoredAt\":\"2026-01-05T03:00:00Z\"}]").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpAnchorWitness witness() {
        return new HttpAnchorWitness(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/anchors"));
    }

    @Test
    void an_anchor_is_posted_as_json_and_the_list_read_back_per_chain() {
        byte[] head = new byte[32];
        head[0] = 0x0f;
        witness().record(new ChainAnchor("events", 1200, head, Instant.parse("2026-01-05T04:00:00Z")));

        assertThat(posted).containsExactly("{\"chain\":\"events\",\"position\":1200,\"head\":\"0f"
                + "00".repeat(31) + "\",\"anchoredAt\":\"2026-01-05T04:00:00Z\"}");
        List<ChainAnchor> anchors = witness().anchors("events");
        assertThat(queries).containsExactly("chain=events");
        assertThat(anchors).hasSize(1);
        assertThat(anchors.get(0).position()).isEqualTo(1000);
        assertThat(anchors.get(0).head()).hasSize(32).startsWith((byte) 0xab);
        assertThat(anchors.get(0).anchoredAt()).isEqualTo(Instant.parse("2026-01-05T03:00:00Z"));
    }

    @Test
    void a_witness_that_refuses_is_an_error_the_sealer_retries() {
        status = 503;
        assertThatThrownBy(() -> witness().record(new ChainAnchor("events", 1, new byte[32], Instant.now())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 503");
    }
}
