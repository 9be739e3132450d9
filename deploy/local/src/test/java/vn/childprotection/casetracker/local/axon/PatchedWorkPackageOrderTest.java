package vn.childprotection.casetracker.local.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one must load query-side's patched copy of Axon's {@code WorkPackage} (an O(1) capacity check), not
 * the one in {@code axon-messaging}: that depends on the order of the class path, which this module's pom sets by
 * declaring query-side before anything that brings Axon in.
 */
class PatchedWorkPackageOrderTest {

    @Test
    void the_all_in_one_loads_the_patched_work_package_from_query_side() throws Exception {
        Class<?> loaded = Class.forName("org.axonframework.eventhandling.pooled.WorkPackage");

        assertThat(loaded.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("query-side")
                .doesNotContain("axon-messaging");
        assertThat(PooledStreamingEventProcessor.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("axon-messaging");
    }
}
