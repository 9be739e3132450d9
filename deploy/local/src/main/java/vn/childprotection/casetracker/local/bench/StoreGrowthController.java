package vn.childprotection.casetracker.local.bench;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.casetracker.platform.security.CurrentActor;
import vn.childprotection.casetracker.platform.security.Role;

/**
 * The store growth of benchmarks ({@link StoreGrowth}): {@code POST} starts one, {@code GET} follows it.
 * Coordinators only (others 403 {@code role-not-allowed}). Exists only when growth is enabled (otherwise both
 * answer 404), and is left out of the API document: it is no part of the service's contract.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = StoreGrowth.ENABLED, havingValue = "true")
public class StoreGrowthController {

    static final String PATH = "/api/v1/admin/store-growth";

    private final StoreGrowth growth;
    private final CurrentActor currentActor;

    public StoreGrowthController(StoreGrowth growth, CurrentActor currentActor) {
        this.growth = growth;
        this.currentActor = currentActor;
    }

    /**
     * @param request {@code {"cases": N, "pauseProjections": false}}: the total number of cases the store must
     *                hold when done, and whether the projections are stopped while it grows (optional, false)
     * @return 202, {@code Location} the status, and the status at start; 400 for a missing or out-of-range
     *         number, 409 when one is running, there is nothing to clone, or a pause is asked while a projection is
     *         being rebuilt
     */
    @PostMapping(PATH)
    public ResponseEntity<StoreGrowthStatus> start(@RequestBody StoreGrowthRequest request) {
        requireCoordinator();
        StoreGrowthStatus started = growth.start(request.cases(), Boolean.TRUE.equals(request.pauseProjections()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(PATH))
                .cacheControl(CacheControl.noStore()).body(started);
    }

    /** @return 200 and where the growth stands */
    @GetMapping(PATH)
    public ResponseEntity<StoreGrowthStatus> status() {
        requireCoordinator();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(growth.status());
    }

    private void requireCoordinator() {
        if (currentActor.require().role() != Role.COORDINATOR) {
            throw new StoreGrowthRefused(StoreGrowthExceptionHandler.ROLE_NOT_ALLOWED,
                    "The store is grown by coordinators.");
        }
    }
}
