package vn.childprotection.casetracker.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The committed {@code docs/openapi.json} is the live document, byte for byte: a change of contract shows as a diff
 * of that file in review. Run with {@code -Dopenapi.snapshot.update=true} to rewrite the file from the live
 * document (then review and commit the diff).
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class OpenApiSnapshotTest {

    /** The committed snapshot, relative to this module's directory (where Surefire runs). */
    static final Path SNAPSHOT = Path.of("../../docs/openapi.json");

    private static final int SHOWN_DIFFERENCES = 40;

    @LocalServerPort
    int port;

    @Test
    void the_live_document_is_the_committed_snapshot() throws IOException {
        Response response = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        String live = response.body().replace("\r\n", "\n").stripTrailing() + "\n";
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.writeString(SNAPSHOT, live, StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT).as("docs/openapi.json (create it with -Dopenapi.snapshot.update=true)").exists();
        String committed = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
        List<String> differences = differences(committed.split("\n", -1), live.split("\n", -1));
        assertThat(differences)
                .as("the live /v3/api-docs differs from docs/openapi.json (- committed, + live); if the change of"
                        + " contract is meant, rerun with -Dopenapi.snapshot.update=true and commit the diff")
                .isEmpty();
    }

    /**
     * A readable line diff: the common head and tail are skipped, then the lines of each side that the other lacks
     * are found through the longest common subsequence of what is left (of at most 3,000 lines a side; beyond
     * that, the lines from the first difference on), with their line numbers, at most
     * {@value #SHOWN_DIFFERENCES} of them.
     */
    static List<String> differences(String[] committed, String[] live) {
        int head = 0;
        while (head < committed.length && head < live.length && committed[head].equals(live[head])) {
            head++;
        }
        int tail = 0;
        while (tail < committed.length - head && tail < live.length - head
                && committed[committed.length - 1 - tail].equals(live[live.length - 1 - tail])) {
            tail++;
        }
        int n = Math.min(committed.length - head - tail, 3_000);
        int m = Math.min(live.length - head - tail, 3_000);
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = committed[head + i].equals(live[head + j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while ((i < n || j < m) && out.size() < SHOWN_DIFFERENCES) {
            if (i < n && j < m && committed[head + i].equals(live[head + j])) {
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                out.add("+" + (head + j + 1) + ": " + live[head + j++]);
            } else {
                out.add("-" + (head + i + 1) + ": " + committed[head + i++]);
            }
        }
        return out;
    }
}
