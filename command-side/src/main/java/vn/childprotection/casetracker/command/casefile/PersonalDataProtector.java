package vn.childprotection.casetracker.command.casefile;

import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Seals personal data with the key of one child before it goes into an event. Injected into the aggregate's
 * command handlers, so the aggregate never holds a key and events never hold plain text.
 */
public interface PersonalDataProtector {

    /**
     * @return the sealed text, or null when {@code text} is null
     */
    EncryptedText seal(String childId, PersonalText text);
}
