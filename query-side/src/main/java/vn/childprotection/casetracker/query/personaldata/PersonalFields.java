package vn.childprotection.casetracker.query.personaldata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.query.personaldata.UnreadablePersonalData.Reason;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Opens the sealed personal fields of a document in place, telling an erased identity from an unreadable value:
 * after an erasure ({@code ChildIdentityErased} recorded for the case) nothing is opened and every field is null;
 * otherwise a field that cannot be opened (the key missing, or not opening the value) is null and listed.
 */
public final class PersonalFields {

    private PersonalFields() {
    }

    /**
     * @param tree     the document, changed in place: each sealed value becomes its plain text, or null
     * @param erased   whether an erasure was recorded for the case: then nothing is opened
     * @param opener   the cipher's opener: empty when the key is missing, {@link IllegalStateException} when the key
     *                 does not open the value
     * @return the fields that could not be opened although no erasure was recorded, in document order
     */
    public static List<UnreadableField> open(JsonNode tree, boolean erased,
                                             Function<EncryptedText, Optional<String>> opener, JsonMapper json) {
        List<UnreadableField> unreadable = new ArrayList<>();
        SealedValues.replaceAll(tree, (field, sealed) -> {
            if (erased) {
                return json.nullNode();
            }
            Optional<String> plain;
            try {
                plain = opener.apply(json.treeToValue(sealed, EncryptedText.class));
            } catch (IllegalStateException | JacksonException doesNotOpen) {
                unreadable.add(new UnreadableField(field, Reason.VALUE_DOES_NOT_OPEN.tag()));
                return json.nullNode();
            }
            if (plain.isEmpty()) {
                unreadable.add(new UnreadableField(field, Reason.KEY_MISSING.tag()));
                return json.nullNode();
            }
            return json.getNodeFactory().stringNode(plain.get());
        });
        return unreadable;
    }
}
