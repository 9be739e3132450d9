package vn.childprotection.casetracker.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A service secret kept in a file: read, or generated (256 random bits, Base64) and written there on first start,
 * readable by the service's owner only ({@code rw-------}, its directory {@code rwx------}). The embedded default
 * keeps these files in {@code ./data/secrets/}, outside the database's data directory, so a copy of the database
 * alone does not hold them.
 */
public final class SecretFile {

    /** The shortest secret accepted, in characters. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /**
     * @param file where the secret is kept, e.g. {@code ./data/secrets/idempotency-hmac.key}
     * @return the secret (its text, trimmed)
     * @throws UncheckedIOException when the file can neither be read nor created
     * @throws IllegalStateException when the file holds fewer than {@link #MIN_LENGTH} characters
     */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < MIN_LENGTH) {
                throw new IllegalStateException("The secret in " + file + " is shorter than " + MIN_LENGTH
                        + " characters");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }

    /**
     * A new random secret (256 bits, Base64), for a temporary database whose records live as long as the process.
     */
    public static String random() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }

    /**
     * {@code secrets/<fileName>} beside the embedded database's data directory, outside it: with the default
     * {@code ./data/postgres}, {@code ./data/secrets/<fileName>}.
     *
     * @param embeddedDataDir {@code casetracker.database.embedded.data-dir}
     * @param fileName        e.g. {@code idempotency-hmac.key}
     */
    public static Path besideEmbeddedData(String embeddedDataDir, String fileName) {
        return Path.of(embeddedDataDir).toAbsolutePath().normalize().getParent().resolve("secrets").resolve(fileName);
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
        }
        Path partial = Files.createTempFile(dir, ".secret", ".partial");
        restrict(partial, "rw-------");
        Files.writeString(partial, random(), StandardCharsets.UTF_8);
        try {
            Files.move(partial, file);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: theirs is the secret.
            Files.delete(partial);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
