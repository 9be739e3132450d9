package vn.childprotection.casetracker.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.childprotection.casetracker.platform.integrity.AnchorWitness;
import vn.childprotection.casetracker.platform.integrity.FileAnchorWitness;

/**
 * The module's anchor witness: an append-only file in a directory of its own under the system's temporary
 * directory, fresh for each test run; primary, so it wins over any witness the platform declares.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAnchorWitness {

    @Bean
    @Primary
    public AnchorWitness temporaryAnchorWitness() {
        try {
            return new FileAnchorWitness(Files.createTempDirectory("casetracker-anchors").resolve("anchors.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
