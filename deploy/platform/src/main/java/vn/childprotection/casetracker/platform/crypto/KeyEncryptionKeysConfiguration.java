package vn.childprotection.casetracker.platform.crypto;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.secrets.SecretFile;

/**
 * The key-encryption keys of the service ({@link KeyEncryptionKeys}), resolved like every service secret
 * ({@link vn.childprotection.casetracker.platform.secrets.ServiceSecrets}):
 * <ol>
 *     <li>{@code casetracker.crypto.kek} (env {@code CASETRACKER_KEK}): {@code "id:base64[,id:base64...]"}, keys of
 *     32 bytes, the first current;</li>
 *     <li>with a temporary database ({@code casetracker.database.embedded.ephemeral=true}): one random key in
 *     memory;</li>
 *     <li>{@code casetracker.crypto.kek-dir}, or on the embedded default {@code ./data/secrets/kek/} (beside
 *     {@code ./data/postgres}, never in it): one file per key, the first generated on first start, owner-only.</li>
 * </ol>
 * With an external database and neither property set the service refuses to start: every instance must share the
 * same keys. {@code casetracker.crypto.kek-provider} other than {@code local} (the default) leaves the bean to the
 * deployment (a key service, see {@link KeyEncryptionKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class KeyEncryptionKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeysConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "casetracker.crypto.kek-provider", havingValue = "local", matchIfMissing = true)
    public LocalKeyEncryptionKeys localKeyEncryptionKeys(
            @Value("${casetracker.crypto.kek:}") String kek,
            @Value("${casetracker.crypto.kek-dir:}") String kekDir,
            @Value("${casetracker.database.embedded.data-dir:./data/postgres}") String embeddedDataDir,
            @Value("${casetracker.database.embedded.ephemeral:false}") boolean ephemeralDatabase,
            DatabaseServer databaseServer, Clock clock) {
        LocalKeyEncryptionKeys keys = resolve(kek, kekDir, embeddedDataDir, ephemeralDatabase,
                databaseServer.isEmbedded(), clock);
        log.info("Key-encryption keys from {}", keys.describe());
        return keys;
    }

    /**
     * The resolution described above, for a database that is embedded or not.
     *
     * @throws IllegalStateException with an external database and neither key property set, or a malformed key
     */
    static LocalKeyEncryptionKeys resolve(String kek, String kekDir, String embeddedDataDir, boolean ephemeralDatabase,
                                          boolean embeddedDatabase, Clock clock) {
        if (!kek.isBlank()) {
            return LocalKeyEncryptionKeys.fromSpec(kek, "casetracker.crypto.kek");
        }
        if (ephemeralDatabase) {
            return LocalKeyEncryptionKeys.inMemory(clock);
        }
        if (kekDir.isBlank() && !embeddedDatabase) {
            throw new IllegalStateException("Set casetracker.crypto.kek (CASETRACKER_KEK) or "
                    + "casetracker.crypto.kek-dir: with an external database every instance must use the same "
                    + "key-encryption keys.");
        }
        return LocalKeyEncryptionKeys.fromDirectory(kekDir.isBlank()
                ? SecretFile.besideEmbeddedData(embeddedDataDir, "kek") : Path.of(kekDir), clock);
    }
}
