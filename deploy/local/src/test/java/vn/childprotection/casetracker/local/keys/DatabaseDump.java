package vn.childprotection.casetracker.local.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSetMetaData;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * What someone holding a dump of the database could try as keys: every column of every table of the schema, read
 * as bytes or text, and each value (or each Base64 or hex token inside one) that is 16, 24 or 32 bytes long, the
 * sizes of an AES key. Also an AES-GCM opener of sealed values written from the stored format
 * ({@code base64(nonce || ciphertext || tag)}, the key id as associated data), independent of the service's code.
 */
final class DatabaseDump {

    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{20,}={0,2}");
    private static final Pattern HEX_TOKEN = Pattern.compile("[0-9a-fA-F]{32,}");

    private DatabaseDump() {
    }

    /**
     * @return every candidate key found in the tables of schema {@code public}, and how many values were read
     */
    static Candidates candidateKeys(JdbcTemplate jdbc) {
        return candidateKeys(jdbc, jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", String.class));
    }

    /**
     * @return every candidate key found in these tables, and how many values were read
     */
    static Candidates candidateKeys(JdbcTemplate jdbc, List<String> tables) {
        Set<ByteBuffer> keys = new HashSet<>();
        long[] values = {0};
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + table + "\"", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    if ("bytea".equals(meta.getColumnTypeName(column))) {
                        byte[] bytes = rs.getBytes(column);
                        if (bytes != null) {
                            values[0]++;
                            addIfKeySized(keys, bytes);
                            fromText(keys, new String(bytes, StandardCharsets.ISO_8859_1));
                        }
                    } else {
                        String text = rs.getString(column);
                        if (text != null) {
                            values[0]++;
                            addIfKeySized(keys, text.getBytes(StandardCharsets.UTF_8));
                            fromText(keys, text);
                        }
                    }
                }
            });
        }
        return new Candidates(Set.copyOf(keys), tables.size(), values[0]);
    }

    /** Candidate keys, the number of tables and of non-null values read. */
    record Candidates(Set<ByteBuffer> keys, int tables, long values) {

        boolean holds(byte[] key) {
            return keys.contains(ByteBuffer.wrap(key));
        }
    }

    /** Whether {@code key} opens {@code sealed} as AES-GCM with the key id as associated data. */
    static boolean opens(byte[] key, EncryptedText sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.cipherText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(in, 12, in.length - 12);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Seals as the service did before envelope encryption, for a row of an upgraded store. */
    static EncryptedText seal(String keyId, byte[] key, String plainText) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
        return new EncryptedText(keyId, Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array()));
    }

    private static void fromText(Set<ByteBuffer> keys, String text) {
        String trimmed = text.trim();
        decodeBase64(keys, trimmed);
        Matcher base64 = BASE64_TOKEN.matcher(text);
        while (base64.find()) {
            decodeBase64(keys, base64.group());
        }
        Matcher hex = HEX_TOKEN.matcher(text);
        while (hex.find()) {
            String token = hex.group();
            addIfKeySized(keys, HexFormat.of().parseHex(token.length() % 2 == 0 ? token : token.substring(1)));
        }
    }

    private static void decodeBase64(Set<ByteBuffer> keys, String text) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder(), Base64.getMimeDecoder())) {
            try {
                addIfKeySized(keys, decoder.decode(text));
            } catch (IllegalArgumentException notBase64) {
                // not this alphabet
            }
        }
    }

    private static void addIfKeySized(Set<ByteBuffer> keys, byte[] bytes) {
        if (bytes.length == 16 || bytes.length == 24 || bytes.length == 32) {
            keys.add(ByteBuffer.wrap(bytes));
        }
    }
}
