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
 */
public record ReportCase(String caseId, String childId, Instant occurredAt, String communeCode,
                         String receivingOrgUnit, CaseCategory category, ReportChannel channel,
                         Set<AbuseForm> abuseForms, AbuseSetting setting,
                         Set<SpecialCircumstanceGroup> specialCircumstanceGroups, Sex sex, int ageYears,
                         boolean ageEstimated, String ethnicity, PersonalText childName, PersonalText birthDate,
                         PersonalText address, boolean reporterConsentToRecordIdentity,
                         PersonalText reporterIdentity, PersonalText narrative) {
}
