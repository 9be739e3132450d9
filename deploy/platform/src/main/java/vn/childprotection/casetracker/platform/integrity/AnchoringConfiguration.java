package vn.childprotection.casetracker.platform.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.platform.db.DatabaseServer;

/**
 * Where the event chain's anchors go and when. The witness:
 * <ol>
 *     <li>{@code casetracker.integrity.anchor.url} set: {@link HttpAnchorWitness} (another service keeps them);</li>
 *     <li>else {@code casetracker.integrity.anchor.file} set: a {@link FileAnchorWitness} on that file;</li>
 *     <li>else with a temporary database ({@code casetracker.database.embedded.ephemeral=true}): a temporary file
 *     that lives as long as the process, as the data does;</li>
 *     <li>else {@code integrity/anchors.log} beside the embedded data directory ({@code ./data/integrity/anchors.log}
 *     by default); with an external database a warning says to set one of the above, shared by every instance and
 *     kept apart from the database's backups.</li>
 * </ol>
 * A deployment can plug another witness (an RFC 3161 time-stamping service, a transparency log) by declaring its own
 * {@link AnchorWitness} bean marked {@code @Primary}.
 */
@Configuration(proxyBeanMethods = false)
public class AnchoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnchoringConfiguration.class);

    @Bean
    public AnchorWitness anchorWitness(@Value("${casetracker.integrity.anchor.url:}") String url,
                                       @Value("${casetracker.integrity.anchor.file:}") String file,
                                       @Value("${casetracker.database.embedded.data-dir:./data/postgres}")
                                       String embeddedDataDir,
                                       @Value("${casetracker.database.embedded.ephemeral:false}") boolean ephemeral,
                                       DatabaseServer databaseServer) {
        if (!url.isBlank()) {
            return new HttpAnchorWitness(URI.create(url.strip()));
        }
        if (!file.isBlank()) {
            return new FileAnchorWitness(Path.of(file.strip()));
        }
        if (ephemeral) {
            try {
                Path temporary = Files.createTempFile("casetracker-anchors-", ".log");
                temporary.toFile().deleteOnExit();
                return new FileAnchorWitness(temporary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path beside = Path.of(embeddedDataDir).toAbsolutePath().normalize().getParent()
                .resolve("integrity").resolve("anchors.log");
        if (!databaseServer.isEmbedded()) {
            log.warn("Anchors of the event chain go to {} on this host: set casetracker.integrity.anchor.url or "
                    + "casetracker.integrity.anchor.file to a witness every instance shares, kept apart from the "
                    + "database and its backups", beside);
        }
        return new FileAnchorWitness(beside);
    }

    /**
     * @param everyEvents {@code casetracker.integrity.anchor.every-events}: anchor after this many positions linked
     * @param interval    {@code casetracker.integrity.anchor.interval}: anchor anything new after this long
     */
    @Bean
    public AnchoringPolicy anchoringPolicy(AnchorWitness witness,
                                           @Value("${casetracker.integrity.anchor.every-events:1000}") long everyEvents,
                                           @Value("${casetracker.integrity.anchor.interval:PT10M}") Duration interval,
                                           @Value("${casetracker.integrity.seal-events:true}") boolean sealEvents) {
        if (everyEvents < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("casetracker.integrity.anchor.every-events must be at least 1 and "
                    + "casetracker.integrity.anchor.interval positive");
        }
        return new AnchoringPolicy(everyEvents, interval, witness, sealEvents);
    }
}
