package vn.childprotection.casetracker.query.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.query.indicators.IndicatorValue.Breakdown;
import vn.childprotection.casetracker.query.indicators.IndicatorValue.Cell;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.Labelled;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * Counts an indicator over the facts of a set of cases, one case at a time in Java: how indicators were counted before
 * PostgreSQL counted them ({@link IndicatorFactsRepository#count}), kept as the oracle the SQL counts are checked
 * against. A child named by several counted cases is counted once, with the report fields of its earliest counted
 * case.
 */
class IndicatorCalculator {

    static final String NOT_RECORDED = "NOT_RECORDED";
    static final String NONE = "NONE";

    private final AgeBands ageBands;
    private final OrgUnitRegistry orgUnits;

    IndicatorCalculator(AgeBands ageBands, OrgUnitRegistry orgUnits) {
        this.ageBands = ageBands;
        this.orgUnits = orgUnits;
    }

    /**
     * Counts an indicator over the facts of whole cases: each case is asked where it counts for the indicator's
     * measure in the period ({@link CaseFacts#countedIn}), in the order given.
     */
    IndicatorValue count(IndicatorDefinition definition, ReportingPeriod period, Collection<CaseFacts> cases,
                         Collection<String> communes) {
        List<CountedCase> counted = new ArrayList<>();
        for (CaseFacts c : cases) {
            c.countedIn(definition.measure(), period).filter(communes::contains)
                    .ifPresent(commune -> counted.add(new CountedCase(c, commune)));
        }
        return count(definition, counted, communes);
    }

    /**
     * Counts an indicator over the cases that count for its measure in the period and the area's communes, in the
     * order of their reports (the earliest first, then by case id): the definition's filters keep some, a child is
     * counted once with the report fields of its earliest kept case.
     *
     * @param counted  the cases counting for {@code definition.measure()}, each in the commune it counts in
     * @param communes the area's communes, in the order their breakdown cells are listed
     */
    IndicatorValue count(IndicatorDefinition definition, List<CountedCase> counted, Collection<String> communes) {
        Map<String, CountedCase> units = new LinkedHashMap<>();
        for (CountedCase one : counted) {
            CaseFacts c = one.facts();
            if (definition.keeps(c)) {
                units.putIfAbsent(definition.unit() == CountingUnit.CHILDREN ? c.childId() : c.caseId(), one);
            }
        }
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : definition.breakdowns()) {
            breakdowns.add(breakdown(dimension, units.values(), communes));
        }
        return new IndicatorValue(definition.code(), definition.group(), definition.nameVi(), definition.nameEn(),
                definition.unit(), definition.measure(), units.size(), List.copyOf(breakdowns));
    }

    private Breakdown breakdown(Dimension dimension, Collection<CountedCase> counted, Collection<String> communes) {
        Map<String, String[]> labels = cellsOf(dimension, communes);
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.keySet().forEach(key -> counts.put(key, 0L));
        for (CountedCase one : counted) {
            for (String key : keysOf(dimension, one)) {
                counts.merge(key, 1L, Long::sum);
            }
        }
        List<Cell> cells = counts.entrySet().stream().map(e -> {
            String[] label = labels.getOrDefault(e.getKey(), NONE.equals(e.getKey())
                    ? new String[] {"Không có", "None"} : new String[] {e.getKey(), e.getKey()});
            return new Cell(e.getKey(), label[0], label[1], e.getValue());
        }).toList();
        return new Breakdown(dimension.key(), dimension.labelVi(), dimension.labelEn(), dimension.multiValued(),
                cells);
    }

    private Set<String> keysOf(Dimension dimension, CountedCase counted) {
        CaseFacts facts = counted.facts();
        return switch (dimension) {
            case SEX -> Set.of(facts.sex());
            case AGE_GROUP -> Set.of(ageBands.bandOf(facts.ageYears()));
            case ABUSE_FORM -> facts.abuseForms().isEmpty() ? Set.of(NONE) : facts.abuseForms();
            case SETTING -> Set.of(facts.setting() == null ? NOT_RECORDED : facts.setting());
            case SPECIAL_CIRCUMSTANCE_GROUP -> facts.specialGroups().isEmpty() ? Set.of(NONE) : facts.specialGroups();
            case CHANNEL -> Set.of(facts.channel());
            case CATEGORY -> Set.of(facts.category().name());
            case COMMUNE -> Set.of(counted.commune());
        };
    }

    /** Every cell of a dimension, in order, with its Vietnamese and English labels. */
    private Map<String, String[]> cellsOf(Dimension dimension, Collection<String> communes) {
        Map<String, String[]> cells = new LinkedHashMap<>();
        switch (dimension) {
            case SEX -> labelled(cells, Sex.values());
            case AGE_GROUP -> ageBands.labels().forEach(band -> cells.put(band,
                    new String[] {band + " tuổi", "aged " + band}));
            case ABUSE_FORM -> labelled(cells, AbuseForm.values());
            case SETTING -> {
                labelled(cells, AbuseSetting.values());
                cells.put(NOT_RECORDED, new String[] {"Chưa ghi nhận", "Not recorded"});
            }
            case SPECIAL_CIRCUMSTANCE_GROUP -> labelled(cells, SpecialCircumstanceGroup.values());
            case CHANNEL -> labelled(cells, ReportChannel.values());
            case CATEGORY -> labelled(cells, CaseCategory.values());
            case COMMUNE -> communes.forEach(code -> orgUnits.find(code).ifPresent(unit ->
                    cells.put(code, new String[] {unit.nameVi(), unit.nameEn()})));
        }
        return cells;
    }

    private static <E extends Enum<E> & Labelled> void labelled(Map<String, String[]> cells, E[] values) {
        Arrays.stream(values).forEach(v -> cells.put(v.name(), new String[] {v.labelVi(), v.labelEn()}));
    }
}
