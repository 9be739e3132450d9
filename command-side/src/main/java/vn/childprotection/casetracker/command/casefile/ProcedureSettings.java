package vn.childprotection.casetracker.command.casefile;

import java.util.List;

/**
 * The procedure's limits that differ by place, as configuration ({@code casetracker.procedure.*}).
 *
 * @param maxRemovalDays        the longest temporary removal (Art 32: 15 days)
 * @param closingReasons        codes of the allowed closing reasons
 * @param noFurtherRiskReason   the closing reason of Art 30.1.b, which needs a review that proposed closure
 */
public record ProcedureSettings(int maxRemovalDays, List<String> closingReasons, String noFurtherRiskReason) {

    public ProcedureSettings {
        closingReasons = List.copyOf(closingReasons);
    }
}
