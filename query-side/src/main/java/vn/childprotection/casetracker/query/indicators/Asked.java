package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A question put to the counted facts, whatever their version: the communes, the period, {@code asOf} and the
 * definitions asked (by content, in order). With the facts' version it makes the key of an answer
 * ({@link IndicatorAnswers}); alone, the key of the last answer counted for it ({@link LatestAnswers}).
 *
 * @param communes    commune codes as {@code indicator_fact} holds them
 * @param from        the period's first day (Vietnam time)
 * @param to          the period's last day, included
 * @param asOf        the recording instant (UTC) the facts are taken as of, or null for everything recorded
 * @param definitions the definitions asked, each code once
 */
record Asked(Set<String> communes, LocalDate from, LocalDate to, Instant asOf, List<IndicatorDefinition> definitions) {

    Asked {
        communes = Set.copyOf(communes);
        definitions = List.copyOf(definitions);
    }

    static Asked of(Set<String> communes, ReportingPeriod period, Instant asOf,
                    List<IndicatorDefinition> definitions) {
        return new Asked(communes, period.from(), period.to(), asOf, definitions);
    }

    ReportingPeriod period() {
        return new ReportingPeriod(from, to);
    }
}
