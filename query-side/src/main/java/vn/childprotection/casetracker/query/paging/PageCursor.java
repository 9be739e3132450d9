package vn.childprotection.casetracker.query.paging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a register or queue: where the next page starts, as the sort key of the last row of
 * the page before it (keyset paging: a page is read from that key on by an index, never by skipping rows).
 * <p>
 * Its bytes, base64url without padding: a format version (1), the list's name, a fingerprint of its
 * {@link ListScope} (SHA-256 of the list and filters, first 8 bytes), the key's values as text, and a check value
 * (SHA-256 of everything before it, first 8 bytes). The check value tells a cursor this service wrote from one that
 * was cut short or edited; it is not a secret MAC, and needs none: <b>a cursor carries no authority</b>. Every page
 * applies the access rules and filters of its own request, and the cursor only says where in that list to go on, so a
 * forged cursor can only start a page at another place in a list its holder may read anyway.
 * <p>
 * A cursor stays valid across restarts and replicas (nothing in it depends on the process). Rows added between two
 * pages after the cursor's key appear on later pages, rows added before it do not; a row whose sort key changes
 * between two pages (a case's risk level after a review, an intervention's due date after a new plan) may be met
 * twice or not at all. Read from the start again for a listing as of one instant.
 */
public final class PageCursor {

    /** The query parameter. */
    public static final String PARAMETER = "cursor";
    /** The parameter's description in the API document. */
    public static final String DESCRIPTION = "Where the page starts: the cursor in the previous page's next link, "
            + "as it is (opaque); leave out for the first page. Only accepted with the filters and sort order of the "
            + "page that gave it";
    /** An example of the parameter in the API document. */
    public static final String EXAMPLE = "AQANcmlzay1yZWdpc3RlcstvRGCrj6qWAwEwFDIwMjYtMDEtMDVUMDM6MDA6MDBa";
    /** What a cursor that cannot be read is told. */
    public static final String NOT_A_CURSOR = "is not a cursor this service gave, or it was changed; use the next "
            + "link of the previous page as it is, or start again without a cursor";
    /** What a cursor of another list, other filters or another sort order is told. */
    public static final String OTHER_LIST = "belongs to another list, other filters or another sort order; use the "
            + "next link of the previous page as it is, or start again without a cursor";

    private static final byte FORMAT = 1;
    private static final int HASH_BYTES = 8;
    /** Far longer than any cursor this class writes (three keys of at most 255 characters). */
    private static final int MAX_CHARACTERS = 2048;

    private PageCursor() {
    }

    /**
     * The cursor of a page that ends on a row with this sort key.
     *
     * @param key the row's sort key, each value as text (see {@link CursorKey} for how each type is read back)
     */
    public static String encode(ListScope scope, List<String> key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(scope.list());
            out.write(fingerprint(scope));
            out.writeByte(key.size());
            for (String value : key) {
                out.writeUTF(value);
            }
            out.write(hash(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * Reads a cursor back within its scope.
     *
     * @param keySize how many values the list's sort key has
     * @return the key of the last row of the page before, or the problem to answer (with {@link #PARAMETER}):
     *         {@link #NOT_A_CURSOR} or {@link #OTHER_LIST}
     */
    static Decoded decode(String cursor, ListScope scope, int keySize) {
        if (cursor.length() > MAX_CHARACTERS) {
            return Decoded.problem(NOT_A_CURSOR);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Decoded.problem(NOT_A_CURSOR);
        }
        if (bytes.length <= HASH_BYTES || !MessageDigest.isEqual(
                Arrays.copyOfRange(bytes, bytes.length - HASH_BYTES, bytes.length),
                hash(Arrays.copyOf(bytes, bytes.length - HASH_BYTES)))) {
            return Decoded.problem(NOT_A_CURSOR);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0,
                bytes.length - HASH_BYTES))) {
            if (in.readByte() != FORMAT) {
                return Decoded.problem(NOT_A_CURSOR);
            }
            String list = in.readUTF();
            byte[] fingerprint = in.readNBytes(HASH_BYTES);
            int size = in.readUnsignedByte();
            List<String> key = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                key.add(in.readUTF());
            }
            if (in.available() != 0) {
                return Decoded.problem(NOT_A_CURSOR);
            }
            if (!list.equals(scope.list()) || !MessageDigest.isEqual(fingerprint, fingerprint(scope))) {
                return Decoded.problem(OTHER_LIST);
            }
            if (size != keySize) {
                return Decoded.problem(NOT_A_CURSOR);
            }
            return new Decoded(Optional.of(new CursorKey(key)), null);
        } catch (IOException e) {
            return Decoded.problem(NOT_A_CURSOR);
        }
    }

    private static byte[] fingerprint(ListScope scope) {
        return hash(scope.canonical().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hash(byte[] bytes) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * A decoded cursor: its key, or the problem with it.
     */
    record Decoded(Optional<CursorKey> key, String problem) {

        static Decoded problem(String problem) {
            return new Decoded(Optional.empty(), problem);
        }
    }
}
