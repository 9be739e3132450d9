package vn.childprotection.casetracker.query.casefile;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.query.access.CaseView;
import vn.childprotection.casetracker.query.personaldata.PersonalFields;
import vn.childprotection.casetracker.query.personaldata.RecordedErasures;
import vn.childprotection.casetracker.query.personaldata.SealedValues;
import vn.childprotection.casetracker.query.personaldata.UnreadableField;
import vn.childprotection.casetracker.query.personaldata.UnreadablePersonalData;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Turns a stored case file document into what one reader is shown ({@link CaseView}): in full with its sealed
 * personal fields opened with the child's key, redacted (every sealed field null, nothing opened), or an agency's
 * limited view (only the fields it may see are taken from the document, and only those are opened). The plain text
 * exists only in that response: never stored, never logged.
 * <p>
 * A case's personal data is erased only when its {@code ChildIdentityErased} event was recorded
 * ({@code identityErasedAt}): then nothing is opened. A value that cannot be opened without that event (the key
 * missing, or not opening the value) is an integrity error: the field is null, the view says
 * {@code personalDataUnreadable}, and it is logged and counted by {@link UnreadablePersonalData}.
 */
@Component
public class CaseFileOpener {

    private final PersonalDataCipher cipher;
    private final UnreadablePersonalData unreadable;
    private final RecordedErasures erasures;
    private final JsonMapper json;
    private final ObjectReader viewReader;
    private final ObjectReader agencyViewReader;

    public CaseFileOpener(PersonalDataCipher cipher, UnreadablePersonalData unreadable, RecordedErasures erasures,
                          JsonMapper json) {
        this.cipher = cipher;
        this.unreadable = unreadable;
        this.erasures = erasures;
        this.json = json;
        // Lenient about fields the view does not know, so a document written by a newer version still reads.
        this.viewReader = json.readerFor(CaseFileView.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.agencyViewReader = json.readerFor(AgencyCaseFileView.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public CaseFileAnswer answer(JsonNode storedDocument, CaseView view, String readerOrgUnit) {
        return switch (view) {
            case FULL -> open(storedDocument);
            case REDACTED -> redact(storedDocument);
            case AGENCY -> forOrgUnit(storedDocument, readerOrgUnit);
        };
    }

    /**
     * The case file in full, personal fields opened. {@code personalDataErased} is true once the child's identity
     * was erased (nothing is opened then); {@code personalDataUnreadable} when, without an erasure, some value
     * could not be opened (that field is null).
     */
    public CaseFileView open(JsonNode storedDocument) {
        ObjectNode doc = (ObjectNode) storedDocument.deepCopy();
        Opened opened = openAll(doc, text(storedDocument.get("caseId")), identityErased(doc));
        doc.put("personalDataUnreadable", opened.unreadable());
        doc.put("personalDataErased", opened.erased());
        doc.put("personalDataRedacted", false);
        return viewReader.readValue(doc);
    }

    /**
     * The case file without its personal fields: each is null, none is opened.
     */
    public CaseFileView redact(JsonNode storedDocument) {
        ObjectNode doc = (ObjectNode) storedDocument.deepCopy();
        SealedValues.replaceAll(doc, sealed -> json.nullNode());
        doc.put("personalDataErased", identityErased(doc));
        doc.put("personalDataUnreadable", false);
        doc.put("personalDataRedacted", true);
        return viewReader.readValue(doc);
    }

    /**
     * What the org unit assigned interventions of the case may see of it (see {@link AgencyCaseFileView}).
     */
    public AgencyCaseFileView forOrgUnit(JsonNode storedDocument, String orgUnit) {
        ObjectNode view = json.createObjectNode();
        copy(storedDocument, view, "caseId", "communeCode", "status", "version");
        view.put("limitedToOrgUnit", orgUnit);
        JsonNode storedChild = storedDocument.get("child");
        ObjectNode child = view.putObject("child");
        copy(storedChild, child, "childId", "name", "sex", "ageYears", "ageEstimated");
        ArrayNode interventions = view.putArray("interventions");
        JsonNode plan = storedDocument.get("plan");
        if (plan != null && plan.isObject()) {
            for (JsonNode stored : plan.get("interventions").values()) {
                if (orgUnit.equals(text(stored.get("agencyCode")))) {
                    copy(stored, interventions.addObject(), "interventionId", "measure", "dueDate", "status",
                            "statusChangedAt", "description");
                }
            }
        }
        ArrayNode deadlines = view.putArray("deadlines");
        JsonNode storedDeadlines = storedDocument.get("deadlines");
        if (storedDeadlines != null && storedDeadlines.isArray()) {
            for (JsonNode deadline : storedDeadlines.values()) {
                if (DeadlineRule.INTERVENTION_DUE.name().equals(text(deadline.get("rule")))
                        && orgUnit.equals(text(deadline.get("responsibleOrgUnit")))) {
                    deadlines.add(deadline.deepCopy());
                }
            }
        }
        Opened opened = openAll(view, text(storedDocument.get("caseId")), identityErased(storedDocument));
        view.put("personalDataUnreadable", opened.unreadable());
        view.put("personalDataErased", opened.erased());
        return agencyViewReader.readValue(view);
    }

    /**
     * Opens every sealed value of the tree in place (none when erased); a value that cannot be opened becomes null.
     * A key found missing is checked against the event store first: an erasure recorded there but not yet projected
     * makes the answer erased; otherwise each value that could not be opened is reported.
     */
    private Opened openAll(ObjectNode tree, String caseId, boolean erased) {
        List<UnreadableField> failed = PersonalFields.open(tree, erased, cipher.opener(), json);
        if (failed.isEmpty()) {
            return new Opened(erased, false);
        }
        if (failed.stream().anyMatch(f -> f.reason().equals(UnreadablePersonalData.Reason.KEY_MISSING.tag()))
                && erasures.recordedFor(caseId)) {
            return new Opened(true, false);
        }
        failed.forEach(field -> unreadable.report(caseId, field));
        return new Opened(false, true);
    }

    private record Opened(boolean erased, boolean unreadable) {
    }

    /**
     * Copies the named fields only, so nothing else of the stored document can reach the view.
     */
    private void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from == null ? null : from.get(field);
            to.set(field, value == null ? json.nullNode() : value.deepCopy());
        }
    }

    private static boolean identityErased(JsonNode doc) {
        JsonNode erasedAt = doc.get("identityErasedAt");
        return erasedAt != null && !erasedAt.isNull();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
