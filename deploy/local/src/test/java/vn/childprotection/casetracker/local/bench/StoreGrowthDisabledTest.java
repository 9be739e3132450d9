package vn.childprotection.casetracker.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Without {@code casetracker.bench.store-growth.enabled} (the default) the store growth does not exist: its
 * endpoints answer 404 and no bean of it is created. Runs in the all-in-one's shared test context.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class StoreGrowthDisabledTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void store_growth_is_not_found_when_not_enabled() {
        ApiClient api = new ApiClient(port);
        Response post = api.post("/api/v1/admin/store-growth", "coordinator.haiphong", json(object("cases", 10)));
        assertThat(post.status()).as(post.body()).isEqualTo(404);
        assertThat(post.isProblem()).isTrue();
        Response get = api.get("/api/v1/admin/store-growth", "coordinator.haiphong");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.isProblem()).isTrue();
        assertThat(context.getBeanNamesForType(StoreGrowth.class)).isEmpty();
    }
}
