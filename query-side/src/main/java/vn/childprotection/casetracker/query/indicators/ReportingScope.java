package vn.childprotection.casetracker.query.indicators;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an area asked for in indicators, reports, targets and statistics adds up: an org unit (commune, district,
 * province) or a reporting group such as "the former An Lão district" (<i>địa bàn huyện An Lão cũ</i>).
 *
 * @param code                the code asked for
 * @param nameVi              its Vietnamese name
 * @param nameEn              its English name
 * @param reportingGroup      true for a reporting group, false for an org unit
 * @param communes            the communes whose facts count, in the order of the org unit list, each for what
 *                            happened while it ran the case
 * @param includePredecessors whether the communes that ceased into the area's communes were added (trends)
 * @param splitPredecessors   among those added, the split ones (Thái Sơn, Trường Sơn): their facts count in each of
 *                            their successors, so the successors' figures must not be added up
 */
public record ReportingScope(String code, String nameVi, String nameEn, boolean reportingGroup, Set<String> communes,
                             boolean includePredecessors, List<String> splitPredecessors) {

    public ReportingScope {
        communes = Collections.unmodifiableSet(new LinkedHashSet<>(communes));
        splitPredecessors = List.copyOf(splitPredecessors);
    }
}
