package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.CommuneTargetItem;

/**
 * A commune's figures for the plan's targets that the case records cannot know (<i>chỉ tiêu kế hoạch</i>, domain.md
 * section 1), entered for one year. Not an event of a case: it belongs to the commune and year, and projections of
 * cases ignore it. A commune records them once and again whenever a figure changes; the latest recording replaces
 * the earlier ones (each earlier one stays in the store, so a report as of a past instant shows what had been entered
 * by then). Who recorded it (user, org unit, role) travels in the event's metadata, as for cases.
 * <p>
 * Every value may be null: not reported (a commune may report some items only). See {@link CommuneTargetItem} for
 * the labels.
 *
 * @param communeCode                          the commune (org unit code)
 * @param year                                 the plan year the figures are for
 * @param occurredAt                           when the figures were taken or reported (domain time)
 * @param childrenUnder6                       trẻ em dưới 6 tuổi living in the commune
 * @param childrenUnder6WithHealthInsuranceCard of them, those holding a thẻ bảo hiểm y tế (BHYT)
 * @param congenitalHeartDiseaseEligible       trẻ em mắc bệnh tim bẩm sinh thuộc diện hưởng chính sách theo Quyết
 *                                             định 55a/2013/QĐ-TTg
 * @param congenitalHeartDiseaseReceived       of them, those who received the policy
 * @param childFriendlyCommune                 meets the standard of xã, phường phù hợp với trẻ em (Quyết định
 *                                             06/QĐ-TTg 2019)
 * @param actionMonthHeld                      held the Tháng hành động vì trẻ em (Action Month for Children)
 * @param midAutumnFestivalHeld                held the Tết Trung thu (Mid-Autumn festival) for children
 * @param childrenForumHeld                    held the Diễn đàn trẻ em (Children's Forum)
 */
public record CommuneTargetsRecorded(String communeCode, int year, Instant occurredAt,
                                     Integer childrenUnder6, Integer childrenUnder6WithHealthInsuranceCard,
                                     Integer congenitalHeartDiseaseEligible, Integer congenitalHeartDiseaseReceived,
                                     Boolean childFriendlyCommune, Boolean actionMonthHeld,
                                     Boolean midAutumnFestivalHeld, Boolean childrenForumHeld) {
}
