package vn.childprotection.casetracker.command.casefile;

import java.util.List;

/**
 * The procedure's limits that differ by place, as configuration ({@code casetracker.procedure.*}).
 *
 * @param maxRemovalDays        the longest temporary removal (Art 32: 15 days)
 * @param closingReasons        codes of the allowed closing reasons
 * @param noFurtherRiskReason   the closing reason of Art 30.1.b, which needs a review that proposed closure
 * @param erasureLegalBases     codes of the grounds on which a child's identity may be erased
 */
public record ProcedureSettings(int maxRemovalDays, List<String> closingReasons, String noFurtherRiskReason,
                                List<String> erasureLegalBases) {

    public ProcedureSettings {
        closingReasons = List.copyOf(closingReasons);
        erasureLegalBases = erasureLegalBases == null ? List.of() : List.copyOf(erasureLegalBases);
    }
}
