package vn.childprotection.casetracker.platform.orgunits;

import java.util.List;

/**
 * A named set of org units that figures can be asked for in every period, across reforms: "the former An Lão
 * district" (<i>địa bàn huyện An Lão cũ</i>) is district 313 with its communes until 30/6/2025 and the five
 * communes formed from them from 1/7/2025, so the plan's "fewer abused children than last year" compares like with
 * like. A member counts with everything under it.
 *
 * @param code    the key, used where an org unit code is asked for ({@code orgUnit=former-313})
 * @param nameVi  the Vietnamese name
 * @param nameEn  the English name
 * @param members codes of the org units it adds up
 * @param basis   why these units belong together (legal source)
 */
public record ReportingGroup(String code, String nameVi, String nameEn, List<String> members, String basis) {

    public ReportingGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
