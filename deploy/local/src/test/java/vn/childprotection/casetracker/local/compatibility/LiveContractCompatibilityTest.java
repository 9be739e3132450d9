package vn.childprotection.casetracker.local.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The live OpenAPI document keeps every client generated from the committed one working
 * ({@code docs/openapi.json} at the repository root, or the file named by the system property
 * {@value #BASELINE_PROPERTY}, e.g. the snapshot of the branch a change is merged into), unless
 * {@code info.version} starts a new compatibility line. See {@link ContractCompatibility} for what breaks.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class LiveContractCompatibilityTest {

    static final String BASELINE_PROPERTY = "casetracker.openapi.baseline";

    @LocalServerPort
    int port;

    @Test
    void the_live_document_breaks_no_client_generated_from_the_committed_one_unless_the_version_says_so()
            throws Exception {
        Path baseline = Path.of(System.getProperty(BASELINE_PROPERTY, "../../docs/openapi.json"));
        assumeTrue(Files.isRegularFile(baseline), "no committed OpenAPI document at " + baseline.toAbsolutePath());
        JsonNode committed = JsonMapper.builder().build().readTree(Files.readString(baseline));
        JsonNode live = new ApiClient(port).get("/v3/api-docs", null).json();

        assertThat(ContractCompatibility.unallowedBreaks(committed, live))
                .as("changes that break a client generated from " + baseline + "; keep the contract, or raise the "
                        + "major of info.version (the minor while it is 0.x) and regenerate the snapshot")
                .isEmpty();
    }
}
