package vn.childprotection.casetracker.command.intake;

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
 * The idempotency secret of the embedded default: read from a file, or generated (256 random bits, Base64) and
 * written there on first start, readable by the service's owner only ({@code rw-------}, its directory
 * {@code rwx------}). The file lies outside the database's data directory, so a copy of the database alone does
 * not hold it.
 */
final class IdempotencySecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IdempotencySecretFile() {
    }

    /**
     * @param file where the secret is kept, e.g. {@code ./data/secrets/idempotency-hmac.key}
     * @return the secret (its text, trimmed)
     * @throws UncheckedIOException when the file can neither be read nor created
     * @throws IllegalStateException when the file holds fewer than {@link IdempotencyHmac#MIN_SECRET_LENGTH}
     *                               characters
     */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < IdempotencyHmac.MIN_SECRET_LENGTH) {
                throw new IllegalStateException("The idempotency secret in " + file + " is shorter than "
                        + IdempotencyHmac.MIN_SECRET_LENGTH + " characters");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the idempotency secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
        }
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        Path partial = Files.createTempFile(dir, ".idempotency", ".partial");
        restrict(partial, "rw-------");
        Files.writeString(partial, Base64.getEncoder().encodeToString(material), StandardCharsets.UTF_8);
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
