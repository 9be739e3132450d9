package vn.childprotection.casetracker.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.childprotection.casetracker.platform.secrets.SecretFile;

/**
 * Key-encryption keys held by the service itself: AES-256 keys from the environment, from a directory of key files,
 * or (temporary database) random in memory.
 * <p>
 * <b>Wrapping</b>: AES-256-GCM under the key-encryption key, a fresh random 96-bit nonce per wrap, the 128-bit tag;
 * stored as {@code nonce || ciphertext || tag} (60 bytes for a 32-byte data key). The associated data is
 * {@code "child-key/v1" || 0x00 || int4 length || kek id || int4 length || child id} (UTF-8): a wrapped key copied
 * into another child's row, or relabelled with another kek id, fails the tag and opens nothing. GCM rather than
 * AES-KW (RFC 3394, JCE {@code AESWrap}) because KW takes no associated data, so binding the child would need a
 * second primitive (a MAC over the row); GCM is the one authenticated cipher the service already uses for
 * personal data. Random nonces are safe far beyond the number of children (NIST SP 800-38D bounds a key at 2^32
 * random-nonce encryptions; each wrap is one).
 * <p>
 * <b>Ids and the current key</b>: ids are 1 to 64 characters of {@code [A-Za-z0-9._-]}. From
 * {@code casetracker.crypto.kek} ({@code "id:base64[,id:base64...]"}, each key 32 bytes in Base64) the first is
 * current. From a directory, each file {@code <id>.key} holds one key (32 bytes, Base64) and the greatest id in
 * alphabetical order is current; generated ids are UTC time stamps ({@code 20261130T021500123Z}), so the newest is
 * current. An empty or absent directory gets a first key on first start, owner-only ({@link SecretFile}).
 */
public final class LocalKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String FILE_SUFFIX = ".key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] PURPOSE = "child-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter GENERATED_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Every known key by id, and the current one; replaced whole, never changed in place. */
    private record Ring(Map<String, SecretKey> keys, String current) {
    }

    private final Path directory;
    private final boolean generates;
    private final String source;
    private final Clock clock;
    private volatile Ring ring;

    private LocalKeyEncryptionKeys(Path directory, boolean generates, String source, Clock clock, Ring ring) {
        this.directory = directory;
        this.generates = generates;
        this.source = source;
        this.clock = clock;
        this.ring = ring;
    }

    /**
     * @param spec     {@code "id:base64[,id:base64...]"}, the first current (the value of
     *                 {@code casetracker.crypto.kek} / {@code CASETRACKER_KEK})
     * @param property the property's name, for error messages
     * @throws IllegalStateException naming the entry (by position, never its key) that is malformed, not 32 bytes,
     *                               or repeats an id
     */
    public static LocalKeyEncryptionKeys fromSpec(String spec, String property) {
        Map<String, SecretKey> keys = new TreeMap<>();
        String current = null;
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            String where = property + " entry " + (i + 1);
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(where + " must be id:base64, the id of 1 to 64 characters A-Z a-z "
                        + "0-9 . _ -");
            }
            if (keys.put(id, decode(entry.substring(colon + 1), where)) != null) {
                throw new IllegalStateException(where + " repeats the id " + id);
            }
            current = current == null ? id : current;
        }
        return new LocalKeyEncryptionKeys(null, false, property, Clock.systemUTC(), new Ring(Collections.unmodifiableMap(keys), current));
    }

    /**
     * Keys read from {@code <id>.key} files in a directory; when it holds none, a first key is generated there,
     * owner-only.
     *
     * @throws UncheckedIOException when the directory cannot be read or written
     * @throws IllegalStateException when a file does not hold a Base64 key of 32 bytes
     */
    public static LocalKeyEncryptionKeys fromDirectory(Path directory, Clock clock) {
        Path dir = directory.toAbsolutePath().normalize();
        LocalKeyEncryptionKeys keys = new LocalKeyEncryptionKeys(dir, true, "directory " + dir, clock,
                new Ring(Map.of(), null));
        keys.refresh();
        if (keys.ring.current() == null) {
            keys.rotate();
        }
        return keys;
    }

    /** One random key that lives as long as the process, for a temporary database whose data does too. */
    public static LocalKeyEncryptionKeys inMemory(Clock clock) {
        LocalKeyEncryptionKeys keys = new LocalKeyEncryptionKeys(null, true, "memory (temporary database)", clock,
                new Ring(Map.of(), null));
        keys.rotate();
        return keys;
    }

    /**
     * Makes a new random key current: written to the directory as {@code <UTC time stamp>.key} (owner-only), or kept
     * in memory for a temporary database. Rows under older keys are then rewrapped by {@link ChildKeyRewrapping}.
     *
     * @return the new key's id
     * @throws UnsupportedOperationException with keys from {@code casetracker.crypto.kek}: the new key must be added
     *                                       there (see README, "Keys and backups")
     */
    public synchronized String rotate() {
        if (!generates) {
            throw new UnsupportedOperationException("Keys from " + source + " rotate by putting a new id:base64 "
                    + "first there");
        }
        String id = GENERATED_ID.format(clock.instant());
        while (ring.keys().containsKey(id) || (ring.current() != null && id.compareTo(ring.current()) <= 0)) {
            id = id + "1";
        }
        SecretKey key;
        if (directory != null) {
            key = decode(SecretFile.readOrCreate(directory.resolve(id + FILE_SUFFIX)), directory + "/" + id
                    + FILE_SUFFIX);
        } else {
            byte[] material = new byte[KEY_BYTES];
            RANDOM.nextBytes(material);
            key = new SecretKeySpec(material, "AES");
        }
        Map<String, SecretKey> keys = new TreeMap<>(ring.keys());
        keys.put(id, key);
        ring = new Ring(Collections.unmodifiableMap(keys), id);
        return id;
    }

    /** With a directory: reads key files added since, and makes the greatest id current. */
    @Override
    public synchronized void refresh() {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        Map<String, SecretKey> keys = new TreeMap<>(ring.keys());
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(FILE_SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - FILE_SUFFIX.length());
                if (ID.matcher(id).matches() && !keys.containsKey(id)) {
                    keys.put(id, decode(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption keys in " + directory, e);
        }
        String current = keys.isEmpty() ? null : ((TreeMap<String, SecretKey>) keys).lastKey();
        ring = new Ring(Collections.unmodifiableMap(keys), current);
    }

    @Override
    public String currentKekId() {
        return ring.current();
    }

    /** The ids of every known key, in alphabetical order (no key material). */
    public List<String> knownKekIds() {
        return List.copyOf(ring.keys().keySet());
    }

    @Override
    public WrappedKey wrap(String childId, byte[] dataKey) {
        Ring now = ring;
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, now.keys().get(now.current()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(now.current(), childId));
            byte[] sealed = cipher.doFinal(dataKey);
            return new WrappedKey(now.current(),
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public byte[] unwrap(String childId, WrappedKey wrapped) {
        SecretKey kek = ring.keys().get(wrapped.kekId());
        if (kek == null && directory != null) {
            refresh();
            kek = ring.keys().get(wrapped.kekId());
        }
        if (kek == null) {
            throw new KeyUnwrapFailed("The key of child " + childId + " is wrapped under the unknown key-encryption "
                    + "key " + wrapped.kekId());
        }
        byte[] in = wrapped.wrapped();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(wrapped.kekId(), childId));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnwrapFailed("The key of child " + childId + " does not open under the key-encryption key "
                    + wrapped.kekId() + " (changed, or copied from another child)", e);
        }
    }

    @Override
    public String describe() {
        return source + ", current key " + ring.current();
    }

    private static byte[] associatedData(String kekId, String childId) {
        byte[] kek = kekId.getBytes(StandardCharsets.UTF_8);
        byte[] child = childId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(PURPOSE.length + 1 + 4 + kek.length + 4 + child.length).put(PURPOSE).put((byte) 0)
                .putInt(kek.length).put(kek).putInt(child.length).put(child).array();
    }

    private static SecretKey decode(String base64, String where) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not Base64");
        }
        if (material.length != KEY_BYTES) {
            throw new IllegalStateException(where + " must hold a key of " + KEY_BYTES + " bytes (Base64), not "
                    + material.length);
        }
        return new SecretKeySpec(material, "AES");
    }
}
