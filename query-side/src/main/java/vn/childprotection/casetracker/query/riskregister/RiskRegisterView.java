package vn.childprotection.casetracker.query.riskregister;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One page of the risk register (<i>sổ theo dõi nguy cơ</i>): open cases, highest risk first, the link to the next
 * page, and (on the first page) how many cases the whole list holds, in all and per commune.
 */
@Schema(name = "RiskRegister", description = "Open cases by risk (sổ theo dõi nguy cơ), one page at a time")
public record RiskRegisterView(
        @Schema(description = "Open cases of this page: HIGH, MEDIUM, LOW, then not yet assessed; oldest report "
                + "first within each, then by case id")
        List<RiskRegisterEntry> cases,
        @Schema(description = "Number of cases of the whole list (every page) per commune code, counted when the "
                + "first page was read; null on the following pages", nullable = true)
        Map<String, Long> countsByCommune,
        @Schema(description = "Number of cases of the whole list (every page), counted when the first page was "
                + "read; null on the following pages", nullable = true)
        Integer total,
        @Schema(description = "Relative URL of the next page (same filters and limit, a new cursor); null on the "
                + "last page", nullable = true,
                example = "/api/v1/risk-register?commune=31-xa-an-lao&limit=100&cursor=AQANcmlzay1yZWdpc3Rlcg")
        String next) {
}
