package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.util.Set;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * Record a report (<i>thông báo, tiếp nhận</i>, Mẫu 01) and open a case.
 *
 * @param childId    the child: a new id, or, with {@code knownChild}, a child already known to {@code communeCode}
 * @param knownChild whether {@code childId} names a known child (it must then be known to {@code communeCode} and
 *                   not erased) rather than a new one
 */
public record ReportCase(String caseId, String childId, Instant occurredAt, String communeCode,
                         String receivingOrgUnit, CaseCategory category, ReportChannel channel,
                         Set<AbuseForm> abuseForms, AbuseSetting setting,
                         Set<SpecialCircumstanceGroup> specialCircumstanceGroups, Sex sex, int ageYears,
                         boolean ageEstimated, String ethnicity, PersonalText childName, PersonalText birthDate,
                         PersonalText address, boolean reporterConsentToRecordIdentity,
                         PersonalText reporterIdentity, PersonalText narrative, boolean knownChild) {

    /**
     * A report of a new child.
     */
    public ReportCase(String caseId, String childId, Instant occurredAt, String communeCode,
                      String receivingOrgUnit, CaseCategory category, ReportChannel channel,
                      Set<AbuseForm> abuseForms, AbuseSetting setting,
                      Set<SpecialCircumstanceGroup> specialCircumstanceGroups, Sex sex, int ageYears,
                      boolean ageEstimated, String ethnicity, PersonalText childName, PersonalText birthDate,
                      PersonalText address, boolean reporterConsentToRecordIdentity,
                      PersonalText reporterIdentity, PersonalText narrative) {
        this(caseId, childId, occurredAt, communeCode, receivingOrgUnit, category, channel, abuseForms, setting,
                specialCircumstanceGroups, sex, ageYears, ageEstimated, ethnicity, childName, birthDate, address,
                reporterConsentToRecordIdentity, reporterIdentity, narrative, false);
    }
}
