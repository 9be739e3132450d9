package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Indicators counted for one org unit and period, as recorded by {@code asOf}.
 *
 * @param orgUnit     the org unit asked for
 * @param communes    the communes whose cases were counted (after roll-up and mergers)
 * @param asOf        only what had been recorded by this instant was counted; null when everything recorded by
 *                    {@code generatedAt} was
 * @param inTimeRule  how "helped in time" was decided
 */
@Schema(name = "IndicatorSet")
public record IndicatorSet(String orgUnit, String orgUnitNameVi, String orgUnitNameEn, LocalDate from, LocalDate to,
                           Instant asOf, Instant generatedAt, List<String> communes, String inTimeRule,
                           List<IndicatorGroup> groups, List<IndicatorValue> indicators) {

    public IndicatorValue indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }
}
