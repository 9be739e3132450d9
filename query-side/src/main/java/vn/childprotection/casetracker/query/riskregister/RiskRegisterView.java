package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The risk register (<i>sổ theo dõi nguy cơ</i>): open cases, highest risk first, and how many each commune has.
 */
@Schema(name = "RiskRegister", description = "Open cases by risk (sổ theo dõi nguy cơ)")
public record RiskRegisterView(
        @Schema(description = "Open cases: HIGH, MEDIUM, LOW, then not yet assessed; oldest report first within each")
        List<RiskRegisterEntry> cases,
        @Schema(description = "Number of the listed cases per commune code")
        Map<String, Long> countsByCommune,
        @Schema(description = "Number of listed cases")
        int total) {
}
