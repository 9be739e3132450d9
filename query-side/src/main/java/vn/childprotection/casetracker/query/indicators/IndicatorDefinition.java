package vn.childprotection.casetracker.query.indicators;

import java.util.List;
import java.util.Set;
import vn.childprotection.casetracker.values.CaseCategory;

/**
 * One indicator (<i>chỉ tiêu</i>) as defined in the definition file.
 *
 * @param code                          the indicator's code (Circular 13's GGNN codes where it has one)
 * @param group                         the code of its {@link IndicatorGroup}
 * @param categories                    only cases of these categories, or every category when empty
 * @param withSpecialCircumstanceGroups only cases naming at least one group of special circumstances
 * @param breakdowns                    the dimensions it is broken down by, in order
 */
public record IndicatorDefinition(String code, String group, String nameVi, String nameEn, CountingUnit unit,
                                  Measure measure, Set<CaseCategory> categories,
                                  boolean withSpecialCircumstanceGroups, List<Dimension> breakdowns) {

    public IndicatorDefinition {
        categories = Set.copyOf(categories);
        breakdowns = List.copyOf(breakdowns);
    }

    /** Whether the definition's filters keep this case. */
    boolean keeps(CaseFacts facts) {
        return (categories.isEmpty() || categories.contains(facts.category()))
                && (!withSpecialCircumstanceGroups || !facts.specialGroups().isEmpty());
    }
}
