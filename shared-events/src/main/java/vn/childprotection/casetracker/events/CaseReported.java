package vn.childprotection.casetracker.events;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * A report was received and recorded (<i>thông báo, tiếp nhận</i>, Decree 56 Art 25; Mẫu 01).
 * <p>
 * Only what statistics need is plain: category, channel, commune, abuse forms, setting, groups, sex, age,
 * ethnicity. Name, exact birth date, address, the reporter's identity and the narrative are encrypted with the
 * child's key. The reporter's identity is present only with the reporter's consent.
 *
 * @param caseId            the case
 * @param childId           the child; also the id of the child's encryption key
 * @param occurredAt        when the report was received
 * @param communeCode       org unit code of the commune where it happened (<i>UBND cấp xã</i> that handles it)
 * @param receivingOrgUnit  org unit code of the receiving point
 * @param ageYears          age in whole years at the report, exact or estimated
 * @param ageEstimated      whether {@code ageYears} is an estimate
 * @param reporterConsentToRecordIdentity whether the reporter agreed to have their identity recorded
 */
public record CaseReported(String caseId,
        String childId,
        Instant occurredAt,
        String communeCode,
        String receivingOrgUnit,
        CaseCategory category,
        ReportChannel channel,
        Set<AbuseForm> abuseForms,
        AbuseSetting setting,
        Set<SpecialCircumstanceGroup> specialCircumstanceGroups,
        Sex sex,
        int ageYears,
        boolean ageEstimated,
        String ethnicity,
        EncryptedText childName,
        EncryptedText birthDate,
        EncryptedText address,
        boolean reporterConsentToRecordIdentity,
        EncryptedText reporterIdentity,
        EncryptedText narrative) implements CaseEvent {

    /**
     * Sets are kept in the order of their enum, so the stored JSON is the same on every run and every replay.
     */
    public CaseReported {
        abuseForms = abuseForms == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(abuseForms));
        specialCircumstanceGroups = specialCircumstanceGroups == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(specialCircumstanceGroups));
    }
}
