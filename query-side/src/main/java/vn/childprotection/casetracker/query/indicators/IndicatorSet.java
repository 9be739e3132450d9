package vn.childprotection.casetracker.query.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Indicators counted for one org unit and period, as recorded by {@code asOf}.
 *
 * @param orgUnit             the org unit or reporting group asked for
 * @param communes            the communes whose facts were counted (every commune at or under the area, whenever it
 *                            existed; each fact counts in the commune that ran the case when it happened)
 * @param reportingGroup      true when {@code orgUnit} is a reporting group (địa bàn huyện An Lão cũ)
 * @param includePredecessors whether the communes that ceased into the area's communes were added (trends)
 * @param splitPredecessors   among those added, the split ones, added to each of their successors: do not add
 *                            up the successors' figures
 * @param asOf        only what had been recorded by this instant was counted; null when everything recorded by
 *                    {@code countedAt} was
 * @param generatedAt when the answer was made
 * @param countedAt   the instant (UTC) the facts counted are those of: {@code generatedAt} for an answer counted from
 *                    the current facts; earlier for one given from facts counted before the request, which only a
 *                    request with {@code Cache-Control: max-stale} gets (then with an {@code Age} header)
 * @param inTimeRule  how "helped in time" was decided
 */
@Schema(name = "IndicatorSet")
public record IndicatorSet(String orgUnit, String orgUnitNameVi, String orgUnitNameEn, LocalDate from, LocalDate to,
                           Instant asOf, Instant generatedAt, Instant countedAt, List<String> communes,
                           boolean reportingGroup, boolean includePredecessors, List<String> splitPredecessors, String inTimeRule,
                           List<IndicatorGroup> groups, List<IndicatorValue> indicators) {

    /** Whether the facts counted are earlier than the answer: given from an earlier count, on {@code max-stale}. */
    public boolean countedEarlier() {
        return countedAt.isBefore(generatedAt);
    }

    public IndicatorValue indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }
}
