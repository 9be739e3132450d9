package org.axonframework.eventhandling.pooled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Guards the patched copy of Axon's {@link WorkPackage} (an O(1) capacity check, see its Javadoc): it must be the
 * class the JVM loads, and it must have been copied from the Axon version that runs.
 */
class PatchedWorkPackageTest {

    @Test
    void the_running_axon_version_is_the_one_the_work_package_was_copied_from() throws Exception {
        Properties axon = new Properties();
        try (InputStream pom = Coordinator.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.axonframework/axon-messaging/pom.properties")) {
            assertThat(pom).as("axon-messaging's pom.properties on the class path").isNotNull();
            axon.load(pom);
        }

        assertThat(axon.getProperty("version"))
                .as("Axon was upgraded: re-copy WorkPackage from the new version and apply the counter again, or "
                        + "drop the copy if that version counts its queue")
                .isEqualTo(WorkPackage.PATCHED_FROM_AXON_VERSION);
    }

    @Test
    void the_patched_work_package_shadows_the_one_in_axons_jar() throws Exception {
        String jarOfAxon = Coordinator.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String loadedFrom = WorkPackage.class.getProtectionDomain().getCodeSource().getLocation().toString();

        assertThat(jarOfAxon).contains("axon-messaging");
        assertThat(loadedFrom).doesNotContain("axon-messaging");
        assertThat(WorkPackage.class.getDeclaredField("queuedEntries")).isNotNull();
    }
}
