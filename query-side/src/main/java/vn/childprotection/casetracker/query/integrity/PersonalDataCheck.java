package vn.childprotection.casetracker.query.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.query.integrity.PersonalDataVerification.UnreadableCase;
import vn.childprotection.casetracker.query.personaldata.PersonalFields;
import vn.childprotection.casetracker.query.personaldata.RecordedErasures;
import vn.childprotection.casetracker.query.personaldata.UnreadableField;
import vn.childprotection.casetracker.query.personaldata.UnreadablePersonalData;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Opens every sealed personal value of the case files, a page of cases at a time, and lists those that cannot be
 * opened although the case records no erasure ({@code identityErasedAt}): a child key deleted outside an erasure,
 * or a value whose bytes were altered (AES-GCM tag failure); an erasure in the event store not yet projected is not
 * listed ({@link RecordedErasures}). Exact (each value is opened, each child's key read once per page) and bounded
 * per request; the plain text is discarded at once, never answered nor logged.
 */
@Component
public class PersonalDataCheck {

    /** The largest page, in cases. */
    public static final int MAX_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final RecordedErasures erasures;
    private final JsonMapper json;

    public PersonalDataCheck(JdbcTemplate jdbc, PersonalDataCipher cipher, RecordedErasures erasures,
                             JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.erasures = erasures;
        this.json = json;
    }

    /**
     * @param after the last case id of the previous page, or null to start
     * @param limit how many cases to check, 1 to {@link #MAX_PAGE}
     */
    @Transactional(readOnly = true)
    public PersonalDataVerification check(String after, int limit) {
        List<String> caseIds = new ArrayList<>();
        List<UnreadableCase> unreadable = new ArrayList<>();
        Function<EncryptedText, Optional<String>> opener = cipher.opener();
        jdbc.query("SELECT case_id, doc FROM case_file WHERE case_id > ? ORDER BY case_id LIMIT ?", rs -> {
            String caseId = rs.getString(1);
            caseIds.add(caseId);
            JsonNode doc = json.readTree(rs.getString(2));
            JsonNode erasedAt = doc.get("identityErasedAt");
            boolean erased = erasedAt != null && !erasedAt.isNull();
            List<UnreadableField> fields = PersonalFields.open(doc, erased, opener, json);
            if (!fields.isEmpty() && !erasedButNotYetProjected(caseId, fields)) {
                unreadable.add(new UnreadableCase(caseId, List.copyOf(fields)));
            }
        }, after == null ? "" : after, limit);
        String nextAfter = caseIds.size() == limit ? caseIds.get(caseIds.size() - 1) : null;
        return new PersonalDataVerification(caseIds.size(), List.copyOf(unreadable), nextAfter);
    }

    private boolean erasedButNotYetProjected(String caseId, List<UnreadableField> fields) {
        return fields.stream().anyMatch(f -> f.reason().equals(UnreadablePersonalData.Reason.KEY_MISSING.tag()))
                && erasures.recordedFor(caseId);
    }
}
