package org.axonframework.eventhandling.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Guards the patched copies of Axon's {@link WorkPackage} (an O(1) capacity check, a worker scheduled once per read,
 * a callback when it frees room) and {@link Coordinator} (woken by that callback), see their Javadoc: they must be the
 * classes the JVM loads, and they must have been copied from the Axon version that runs. What the patches change in a
 * running processor is {@code PatchedCoordinatorTest}'s.
 */
class PatchedWorkPackageTest {

    @Test
    void the_running_axon_version_is_the_one_the_work_package_was_copied_from() throws Exception {
        Properties axon = new Properties();
        try (InputStream pom = PooledStreamingEventProcessor.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.axonframework/axon-messaging/pom.properties")) {
            assertThat(pom).as("axon-messaging's pom.properties on the class path").isNotNull();
            axon.load(pom);
        }

        assertThat(axon.getProperty("version"))
                .as("Axon was upgraded: re-copy WorkPackage and Coordinator from the new version and apply the patches "
                        + "again, or drop the copies if that version counts its queue and wakes its coordinator")
                .isEqualTo(WorkPackage.PATCHED_FROM_AXON_VERSION);
    }

    @Test
    void the_patched_work_package_shadows_the_one_in_axons_jar() throws Exception {
        String jarOfAxon = PooledStreamingEventProcessor.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();
        String loadedFrom = WorkPackage.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String coordinatorFrom = Coordinator.class.getProtectionDomain().getCodeSource().getLocation().toString();

        assertThat(jarOfAxon).contains("axon-messaging");
        assertThat(loadedFrom).doesNotContain("axon-messaging");
        assertThat(coordinatorFrom).doesNotContain("axon-messaging").isEqualTo(loadedFrom);
        assertThat(WorkPackage.class.getDeclaredField("queuedEntries")).isNotNull();
        assertThat(WorkPackage.class.getDeclaredMethod("onCapacityFreed", Runnable.class)).isNotNull();
    }
}
