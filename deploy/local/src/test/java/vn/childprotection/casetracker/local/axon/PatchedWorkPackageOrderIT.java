package vn.childprotection.casetracker.local.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged all-in-one ({@code case-tracker.jar}) loads its libraries in the order of
 * {@code BOOT-INF/classpath.idx}: query-side, which holds the patched copy of Axon's {@code WorkPackage}, must come
 * before {@code axon-messaging}, or the jar would run Axon's O(n) capacity check again.
 */
class PatchedWorkPackageOrderIT {

    @Test
    void the_packaged_jar_lists_query_side_before_axon_messaging() throws IOException {
        String built = System.getProperty("casetracker.test.jar");
        assertThat(built).as("system property casetracker.test.jar (set by the packaged-jar execution)").isNotNull();
        Path jar = Path.of(built);
        assertThat(jar).exists();
        List<String> order;
        try (JarFile file = new JarFile(jar.toFile())) {
            order = new String(file.getInputStream(file.getEntry("BOOT-INF/classpath.idx")).readAllBytes())
                    .lines().toList();
        }
        int querySide = indexOf(order, "/query-side-");
        int axon = indexOf(order, "/axon-messaging-");

        assertThat(querySide).as("query-side in classpath.idx").isNotNegative();
        assertThat(axon).as("axon-messaging in classpath.idx").isNotNegative();
        assertThat(querySide).isLessThan(axon);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
