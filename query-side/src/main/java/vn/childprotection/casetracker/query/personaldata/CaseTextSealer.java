package vn.childprotection.casetracker.query.personaldata;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Seals and opens free text the query side itself keeps about a case (a break-the-glass reason, a reviewer's
 * note). Such text may name the child, so it is sealed with the child's key like the case's own personal fields,
 * and an erasure of the child's identity shreds it too.
 * <p>
 * Sealing never creates a key: the cipher would create one for a child whose key was deleted, silently undoing the
 * erasure for new text and leaving old values unreadable under a new key. So the key's row is locked first
 * ({@code FOR SHARE}, in the caller's transaction), which also keeps an erasure from deleting it until that
 * transaction ends; a child without a key gets nothing sealed.
 */
@Component
public class CaseTextSealer {

    private final PersonalDataCipher cipher;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final UnreadablePersonalData unreadable;
    private final RecordedErasures erasures;

    public CaseTextSealer(PersonalDataCipher cipher, JdbcTemplate jdbc, JsonMapper json,
                          UnreadablePersonalData unreadable, RecordedErasures erasures) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.unreadable = unreadable;
        this.erasures = erasures;
    }

    /**
     * The text sealed with the child's key, as stored ({@code {"keyId", "cipherText"}}), or empty when the child
     * has no key any more (identity erased).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<JsonNode> seal(String childId, String plainText) {
        if (childId == null || jdbc.queryForList("SELECT child_id FROM child_key WHERE child_id = ? FOR SHARE",
                String.class, childId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cipher.seal(childId, plainText)).map(json::valueToTree);
    }

    /**
     * The plain text of a sealed value of a case, or null when there is none, when the case's identity was erased,
     * or when it cannot be opened; the last is an integrity error, reported to {@link UnreadablePersonalData}.
     *
     * @param caseId the case the text is about
     * @param field  what the text is, for the report, e.g. {@code breakTheGlass[<grantId>].reason}
     * @param erased whether an erasure was recorded for the case ({@code identityErasedAt}): nothing is opened
     */
    public String open(String caseId, String field, JsonNode sealed, boolean erased) {
        if (erased || !SealedValues.isSealed(sealed)) {
            return null;
        }
        Optional<String> plain;
        try {
            plain = cipher.open(json.treeToValue(sealed, EncryptedText.class));
        } catch (IllegalStateException | JacksonException doesNotOpen) {
            unreadable.report(caseId, new UnreadableField(field,
                    UnreadablePersonalData.Reason.VALUE_DOES_NOT_OPEN.tag()));
            return null;
        }
        if (plain.isEmpty() && !erasures.recordedFor(caseId)) {
            unreadable.report(caseId, new UnreadableField(field, UnreadablePersonalData.Reason.KEY_MISSING.tag()));
        }
        return plain.orElse(null);
    }
}
