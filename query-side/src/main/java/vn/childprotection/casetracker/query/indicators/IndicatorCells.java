package vn.childprotection.casetracker.query.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
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
 * Lays the counts PostgreSQL made ({@link CountedCells}) into an {@link IndicatorValue}: for each dimension of the
 * definition, every cell the dimension has, in its order and with its Vietnamese and English labels, zeros included;
 * then any value met that the dimension does not list ({@code NONE} for a child without any form of abuse or group
 * of special circumstances, "Không có"), in the order first met.
 */
@Component
class IndicatorCells {

    /** The setting cell of a report that recorded none (<i>chưa ghi nhận</i>). */
    static final String NOT_RECORDED = "NOT_RECORDED";
    /** The cell of a multi-valued dimension for a child with no value in it (<i>không có</i>). */
    static final String NONE = "NONE";

    private final AgeBands ageBands;
    private final OrgUnitRegistry orgUnits;

    IndicatorCells(AgeBands ageBands, OrgUnitRegistry orgUnits) {
        this.ageBands = ageBands;
        this.orgUnits = orgUnits;
    }

    /**
     * The indicator's value from its counts.
     *
     * @param counted  what PostgreSQL counted for this definition
     * @param communes the area's communes, in the order their breakdown cells are listed
     */
    IndicatorValue value(IndicatorDefinition definition, CountedCells counted, Collection<String> communes) {
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : definition.breakdowns()) {
            breakdowns.add(breakdown(dimension, counted.of(dimension), communes));
        }
        return new IndicatorValue(definition.code(), definition.group(), definition.nameVi(), definition.nameEn(),
                definition.unit(), definition.measure(), counted.total(), List.copyOf(breakdowns));
    }

    private Breakdown breakdown(Dimension dimension, Map<String, Long> met, Collection<String> communes) {
        Map<String, String[]> labels = cellsOf(dimension, communes);
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.keySet().forEach(key -> counts.put(key, 0L));
        counts.putAll(met);
        List<Cell> cells = counts.entrySet().stream().map(e -> {
            String[] label = labels.getOrDefault(e.getKey(), NONE.equals(e.getKey())
                    ? new String[] {"Không có", "None"} : new String[] {e.getKey(), e.getKey()});
            return new Cell(e.getKey(), label[0], label[1], e.getValue());
        }).toList();
        return new Breakdown(dimension.key(), dimension.labelVi(), dimension.labelEn(), dimension.multiValued(),
                cells);
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
