package vn.childprotection.casetracker.command.casefile;

import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Seals personal data with the platform's AES-GCM cipher and the child's key (created on first use, in the same
 * transaction as the events).
 */
@Component
class CipherBackedProtector implements PersonalDataProtector {

    private final PersonalDataCipher cipher;

    CipherBackedProtector(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public EncryptedText seal(String childId, PersonalText text) {
        return text == null ? null : cipher.seal(childId, text.value());
    }
}
