package vn.childprotection.casetracker.local.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.crypto.ChildKeyRewrapping;
import vn.childprotection.casetracker.platform.crypto.ChildKeyStore;
import vn.childprotection.casetracker.platform.crypto.LocalKeyEncryptionKeys;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Child keys are stored wrapped by a key-encryption key the database does not hold: a dump opens nothing, the
 * service opens everything, rotation rewraps without touching events, a wrapped key is bound to its child, and the
 * raw keys of an upgraded store are wrapped by the service itself.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class ChildKeyEnvelopeTest {

    private static final String NAME = "Đinh Thị Phong Bì";
    private static final String ADDRESS = "Thôn Khóa Ngoài, xã An Lão";
    private static final String NARRATIVE = "Tường thuật được niêm phong";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    ChildKeyStore keys;
    @Autowired
    ChildKeyRewrapping rewrapping;
    @Autowired
    LocalKeyEncryptionKeys keks;

    @Test
    void a_dump_of_every_table_opens_no_sealed_value_of_a_case_while_the_service_opens_them_all() {
        List<EncryptedText> sealed = sealedValuesOf(reportCase());

        DatabaseDump.Candidates dump = DatabaseDump.candidateKeys(jdbc);

        assertThat(dump.tables()).as("tables read").isGreaterThan(20);
        assertThat(dump.values()).as("values read").isGreaterThan(100);
        assertThat(dump.keys()).as("key-sized values found (hashes, MACs, tokens)").hasSizeGreaterThan(10);
        for (EncryptedText value : sealed) {
            assertThat(dump.keys()).as("no value of the dump opens a sealed value")
                    .noneMatch(candidate -> DatabaseDump.opens(candidate.array(), value));
        }
        assertThat(sealed.stream().map(cipher::open).map(Optional::orElseThrow).toList())
                .as("the service opens them all").contains(NAME, ADDRESS, NARRATIVE);
        byte[] serviceKey = keys.find(sealed.get(0).keyId()).orElseThrow().getEncoded();
        assertThat(sealed).as("the trial opener opens with the right key")
                .allMatch(value -> DatabaseDump.opens(serviceKey, value));
        assertThat(dump.holds(serviceKey)).as("the child's key is nowhere in the dump").isFalse();
    }

    @Test
    void after_a_rotation_every_key_is_under_the_new_key_encryption_key_every_value_opens_and_no_event_changed() {
        List<EncryptedText> sealed = sealedValuesOf(reportCase());
        String childId = sealed.get(0).keyId();
        byte[] dataKey = keys.find(childId).orElseThrow().getEncoded();
        String older = jdbc.queryForObject("SELECT kek_id FROM child_key WHERE child_id = ?", String.class, childId);
        List<Map<String, Object>> eventsBefore = eventRows();

        String rotated = keks.rotate();
        rewrapping.rewrapAll();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM child_key "
                + "WHERE kek_id IS DISTINCT FROM ? OR key_material IS NOT NULL", Long.class, rotated) == 0);
        assertThat(rotated).isNotEqualTo(older);
        assertThat(rewrapping.rowsByKek()).containsOnlyKeys(rotated);
        assertThat(sealed.stream().map(cipher::open).map(Optional::orElseThrow).toList())
                .contains(NAME, ADDRESS, NARRATIVE);
        assertThat(keys.find(childId).orElseThrow().getEncoded()).as("the same data key").isEqualTo(dataKey);
        List<Map<String, Object>> eventsAfter = eventRows();
        assertThat(eventsAfter.subList(0, eventsBefore.size())).as("no stored event changed").isEqualTo(eventsBefore);
    }

    @Test
    void a_wrapped_key_copied_to_another_childs_row_does_not_open_that_childs_values() {
        List<EncryptedText> first = sealedValuesOf(reportCase());
        List<EncryptedText> second = sealedValuesOf(reportCase());
        String from = first.get(0).keyId();
        String to = second.get(0).keyId();
        Map<String, Object> original = jdbc.queryForMap("SELECT kek_id, wrapped_key FROM child_key WHERE child_id = ?",
                to);
        try {
            jdbc.update("UPDATE child_key SET (kek_id, wrapped_key) = (SELECT kek_id, wrapped_key FROM child_key "
                    + "WHERE child_id = ?) WHERE child_id = ?", from, to);

            assertThatThrownBy(() -> cipher.open(second.get(0))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(to);
            assertThat(cipher.open(first.get(0))).as("the first child's own row still opens").isPresent();
        } finally {
            jdbc.update("UPDATE child_key SET kek_id = ?, wrapped_key = ? WHERE child_id = ?",
                    original.get("kek_id"), original.get("wrapped_key"), to);
        }
        assertThat(cipher.open(second.get(0))).as("its own wrapped key opens again").isPresent();
    }

    @Test
    void a_raw_key_of_an_upgraded_store_is_read_then_wrapped_by_the_service_and_leaves_the_dump() throws Exception {
        String childId = "child-" + UUID.randomUUID();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        EncryptedText sealed = DatabaseDump.seal(childId, raw, "Lò Văn Nâng Cấp");
        jdbc.update("INSERT INTO child_key (child_id, key_material) VALUES (?, ?)", childId, raw);

        assertThat(DatabaseDump.candidateKeys(jdbc, List.of("child_key")).holds(raw)).as("a raw key is found in a dump")
                .isTrue();
        assertThat(cipher.open(sealed)).as("read before it is wrapped").contains("Lò Văn Nâng Cấp");

        rewrapping.wrapRawKeys();

        Map<String, Object> row = jdbc.queryForMap("SELECT key_material, kek_id, wrapped_key FROM child_key "
                + "WHERE child_id = ?", childId);
        assertThat(row.get("key_material")).isNull();
        assertThat(row.get("kek_id")).isEqualTo(keks.currentKekId());
        assertThat((byte[]) row.get("wrapped_key")).hasSize(60);
        assertThat(cipher.open(sealed)).contains("Lò Văn Nâng Cấp");
        assertThat(DatabaseDump.candidateKeys(jdbc, List.of("child_key")).holds(raw)).as("gone from the dump")
                .isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key WHERE key_material IS NOT NULL", Long.class))
                .isZero();
    }

    private String reportCase() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "HOTLINE_111",
                "abuseForms", List.of("NEGLECT"),
                "child", object("name", NAME, "ageYears", 8, "sex", "FEMALE", "address", ADDRESS),
                "reporter", object("consentToRecordIdentity", false),
                "narrative", NARRATIVE)));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("caseId").asString();
    }

    /** Every {@code {keyId, cipherText}} in the stored payloads of the case's events. */
    private List<EncryptedText> sealedValuesOf(String caseId) {
        JsonMapper mapper = JsonMapper.builder().build();
        List<EncryptedText> found = new ArrayList<>();
        for (byte[] payload : jdbc.queryForList("SELECT payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", byte[].class, caseId)) {
            collect(mapper.readTree(payload), found);
        }
        assertThat(found).as("sealed values of the case").hasSizeGreaterThanOrEqualTo(3);
        return found;
    }

    private static void collect(JsonNode node, List<EncryptedText> found) {
        if (node.isObject() && node.has("keyId") && node.has("cipherText")) {
            found.add(new EncryptedText(node.get("keyId").asString(), node.get("cipherText").asString()));
        }
        node.valueStream().forEach(child -> collect(child, found));
    }

    private List<Map<String, Object>> eventRows() {
        return jdbc.queryForList("SELECT global_index, encode(sha256(convert_to(e::text, 'UTF8')), 'hex') AS digest "
                + "FROM domain_event_entry e ORDER BY global_index");
    }
}
