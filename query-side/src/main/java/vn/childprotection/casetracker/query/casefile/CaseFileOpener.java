package vn.childprotection.casetracker.query.casefile;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.query.personaldata.SealedValues;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Turns a stored case file document into the {@link CaseFileView} of one response, opening its sealed personal
 * fields with the child's key. The plain text exists only in that response: never stored, never logged.
 */
@Component
public class CaseFileOpener {

    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final ObjectReader viewReader;

    public CaseFileOpener(PersonalDataCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
        // Lenient about fields the view does not know, so a document written by a newer version still reads.
        this.viewReader = json.readerFor(CaseFileView.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public CaseFileView open(JsonNode storedDocument) {
        ObjectNode doc = (ObjectNode) storedDocument.deepCopy();
        AtomicBoolean erased = new AtomicBoolean();
        SealedValues.replaceAll(doc, sealed -> {
            Optional<String> plain = cipher.open(json.treeToValue(sealed, EncryptedText.class));
            if (plain.isEmpty()) {
                erased.set(true);
            }
            return plain.<JsonNode>map(json.getNodeFactory()::stringNode).orElse(json.nullNode());
        });
        doc.put("personalDataErased", erased.get());
        return viewReader.readValue(doc);
    }
}
