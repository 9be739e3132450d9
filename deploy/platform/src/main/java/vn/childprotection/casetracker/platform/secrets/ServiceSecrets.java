package vn.childprotection.casetracker.platform.secrets;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.db.DatabaseServer;

/**
 * Where the service's secrets come from, the same way for each of them (the idempotency HMAC secret, the integrity
 * MAC key, the key-encryption key):
 * <ol>
 *     <li>the secret's own property when set (in production from the environment, e.g.
 *     {@code CASETRACKER_IDEMPOTENCY_SECRET});</li>
 *     <li>with a temporary database ({@code casetracker.database.embedded.ephemeral=true}), a random secret that
 *     lives as long as the process, as the data does;</li>
 *     <li>else the secret's file property, or by default, with the embedded database only,
 *     {@code ./data/secrets/<fileName>} beside its data directory, generated on first start
 *     ({@link SecretFile}).</li>
 * </ol>
 * With an external database and neither set, the service refuses to start: every instance sharing the database must
 * use the same secret, which a file generated per host (or per container) cannot promise.
 */
@Component
public class ServiceSecrets {

    private static final Logger log = LoggerFactory.getLogger(ServiceSecrets.class);

    private final String embeddedDataDir;
    private final boolean ephemeralDatabase;
    private final DatabaseServer databaseServer;

    public ServiceSecrets(@Value("${casetracker.database.embedded.data-dir:./data/postgres}") String embeddedDataDir,
                          @Value("${casetracker.database.embedded.ephemeral:false}") boolean ephemeralDatabase,
                          DatabaseServer databaseServer) {
        this.embeddedDataDir = embeddedDataDir;
        this.ephemeralDatabase = ephemeralDatabase;
        this.databaseServer = databaseServer;
    }

    /**
     * @param what          what the secret is for, in log and error messages ("idempotency secret")
     * @param value         the value of the secret's own property, empty when unset
     * @param valueProperty that property's name, for the error message ({@code casetracker.idempotency.secret})
     * @param file          the value of the secret's file property, empty when unset
     * @param fileProperty  that property's name
     * @param fileName      the default file's name in {@code ./data/secrets/}
     * @return the secret's text, at least {@link SecretFile#MIN_LENGTH} characters
     * @throws IllegalStateException with an external database and neither property set, or a secret too short
     */
    public String resolve(String what, String value, String valueProperty, String file, String fileProperty,
                          String fileName) {
        if (!value.isEmpty()) {
            if (value.length() < SecretFile.MIN_LENGTH) {
                throw new IllegalStateException(valueProperty + " is shorter than " + SecretFile.MIN_LENGTH
                        + " characters");
            }
            return value;
        }
        if (ephemeralDatabase) {
            return SecretFile.random();
        }
        if (file.isEmpty() && !databaseServer.isEmbedded()) {
            throw new IllegalStateException("Set " + valueProperty + " or " + fileProperty + ": with an external "
                    + "database every instance must use the same " + what + ".");
        }
        Path path = file.isEmpty() ? SecretFile.besideEmbeddedData(embeddedDataDir, fileName) : Path.of(file);
        log.info("The {} from {}", what, path.toAbsolutePath());
        return SecretFile.readOrCreate(path);
    }
}
