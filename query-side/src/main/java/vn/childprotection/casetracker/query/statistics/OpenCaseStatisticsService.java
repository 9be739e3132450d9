package vn.childprotection.casetracker.query.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitType;
import vn.childprotection.casetracker.query.access.PrivacyProperties;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Builds the open-case statistics (<i>số liệu tổng hợp</i>) with {@link SmallCellSuppression}: every cell of every
 * commune listed, even an empty one (leaving a commune or a cell out would say it is empty), and the totals the rule
 * allows. The communes listed are those that exist today (Vietnam day), and any ceased one that still runs open
 * cases (a split commune waiting for its successor to be chosen).
 */
@Service
public class OpenCaseStatisticsService {

    /**
     * The risk levels as the statistics show them, highest first, then not yet assessed.
     */
    static final List<String> RISK_LEVELS = List.of(RiskLevel.HIGH.name(), RiskLevel.MEDIUM.name(),
            RiskLevel.LOW.name(), OpenCaseCounts.UNASSESSED);

    private final OpenCaseCounts counts;
    private final OrgUnitRegistry orgUnits;
    private final SmallCellSuppression suppression;
    private final Clock clock;

    public OpenCaseStatisticsService(OpenCaseCounts counts, OrgUnitRegistry orgUnits, PrivacyProperties privacy,
                                     Clock clock) {
        this.counts = counts;
        this.orgUnits = orgUnits;
        this.suppression = new SmallCellSuppression(privacy.smallCellThreshold());
        this.clock = clock;
    }

    /**
     * @param commune one commune's code, or null for every commune
     */
    @Transactional(readOnly = true)
    public OpenCaseStatistics openCases(String commune) {
        Map<String, Map<String, Long>> raw = counts.count(commune);
        Set<String> communes = new LinkedHashSet<>();
        if (commune != null) {
            communes.add(commune);
        } else {
            LocalDate today = LocalDate.now(clock.withZone(TimeRule.VIETNAM));
            orgUnits.all().stream().filter(u -> u.type() == OrgUnitType.COMMUNE && u.validOn(today))
                    .map(OrgUnit::code).forEach(communes::add);
            communes.addAll(new TreeSet<>(raw.keySet()));
        }
        List<CommuneStatistics> rows = new ArrayList<>();
        List<StatisticsCell> allCells = new ArrayList<>();
        for (String code : communes) {
            Map<String, Long> ofCommune = raw.getOrDefault(code, Map.of());
            List<StatisticsCell> cells = new ArrayList<>();
            for (String riskLevel : RISK_LEVELS) {
                for (CaseCategory category : CaseCategory.values()) {
                    long count = ofCommune.getOrDefault(OpenCaseCounts.key(riskLevel, category.name()), 0L);
                    cells.add(StatisticsCell.of(riskLevel, category, suppression.cell(count)));
                }
            }
            allCells.addAll(cells);
            rows.add(new CommuneStatistics(code, cells, byRiskLevel(cells), byCategory(cells),
                    total(cells, c -> true)));
        }
        return new OpenCaseStatistics(clock.instant(), suppression.threshold(), commune, rows, byRiskLevel(allCells),
                byCategory(allCells), total(allCells, c -> true));
    }

    private Map<String, SuppressedCount> byRiskLevel(List<StatisticsCell> cells) {
        Map<String, SuppressedCount> totals = new LinkedHashMap<>();
        for (String riskLevel : RISK_LEVELS) {
            totals.put(riskLevel, total(cells, c -> c.riskLevel().equals(riskLevel)));
        }
        return totals;
    }

    private Map<String, SuppressedCount> byCategory(List<StatisticsCell> cells) {
        Map<String, SuppressedCount> totals = new LinkedHashMap<>();
        for (CaseCategory category : CaseCategory.values()) {
            totals.put(category.name(), total(cells, c -> c.category() == category));
        }
        return totals;
    }

    private SuppressedCount total(List<StatisticsCell> cells, Predicate<StatisticsCell> included) {
        return suppression.total(cells.stream().filter(included).map(StatisticsCell::asCount).toList());
    }
}
