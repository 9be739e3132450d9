package vn.childprotection.casetracker.query.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.childprotection.casetracker.platform.orgunits.OrgUnit;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.query.indicators.AnswerAge;
import vn.childprotection.casetracker.query.indicators.IndicatorDefinitions;
import vn.childprotection.casetracker.query.indicators.IndicatorService;
import vn.childprotection.casetracker.query.indicators.IndicatorSet;
import vn.childprotection.casetracker.query.indicators.MaxStale;
import vn.childprotection.casetracker.query.indicators.ReportingPeriod;
import vn.childprotection.casetracker.query.reports.PlanTargets.CommuneFigures;
import vn.childprotection.casetracker.query.targets.CommuneTargetQueries;
import vn.childprotection.casetracker.query.targets.CommuneTargets;
import vn.childprotection.casetracker.values.CommuneTargetItem;

/**
 * The plan's targets (<i>mục tiêu kế hoạch năm 2023</i>, domain.md section 1) against what was achieved: three from
 * the cases, through the indicators, and the rest from what the communes entered for the year.
 */
@Service
public class PlanTargetsService {

    static final String AT_RISK_DETECTED = "AT_RISK_DETECTED";
    static final String AT_RISK_FOLLOWED = "AT_RISK_FOLLOWED";
    static final String ABUSED = "0101";
    static final String ABUSED_HELPED_IN_TIME = "ABUSED_HELPED_IN_TIME";

    private final IndicatorService indicators;
    private final CommuneTargetQueries entered;
    private final OrgUnitRegistry orgUnits;

    public PlanTargetsService(IndicatorService indicators, IndicatorDefinitions definitions,
                              CommuneTargetQueries entered, OrgUnitRegistry orgUnits) {
        for (String code : List.of(AT_RISK_DETECTED, AT_RISK_FOLLOWED, ABUSED, ABUSED_HELPED_IN_TIME)) {
            if (definitions.find(code).isEmpty()) {
                throw new IllegalStateException("The plan's targets need indicator " + code + " in the indicator "
                        + "definitions");
            }
        }
        this.indicators = indicators;
        this.entered = entered;
        this.orgUnits = orgUnits;
    }

    /**
     * The targets of an org unit for a plan year's period, as recorded by {@code asOf} (everything when null).
     *
     * @param maxStale how old the counts may be ({@link MaxStale#NOT_ASKED}: of the current facts)
     */
    public PlanTargets targets(String orgUnit, int year, ReportingPeriod period, Instant asOf, MaxStale maxStale) {
        return targets(indicators.count(orgUnit, period, asOf,
                List.of(AT_RISK_DETECTED, AT_RISK_FOLLOWED, ABUSED, ABUSED_HELPED_IN_TIME), maxStale), year, maxStale);
    }

    /**
     * The targets beside indicators already counted for the period (a report has counted them all): only the year
     * before and the communes' figures are read here.
     *
     * @param maxStale how old the count of the year before may be ({@link MaxStale#NOT_ASKED}: of the current facts)
     */
    public PlanTargets targets(IndicatorSet now, int year, MaxStale maxStale) {
        String orgUnit = now.orgUnit();
        ReportingPeriod period = new ReportingPeriod(now.from(), now.to());
        Instant asOf = now.asOf();
        IndicatorSet before = indicators.count(orgUnit, period.yearBefore(), asOf, List.of(ABUSED), maxStale);
        long lastYear = before.indicator(ABUSED).total();
        long abused = now.indicator(ABUSED).total();
        List<TargetLine> lines = new ArrayList<>();
        lines.add(TargetLine.share("AT_RISK_FOLLOWED_SHARE",
                "Tỷ lệ trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt được phát hiện, quản lý, theo dõi",
                "Share of children at risk detected and followed", "CASES",
                now.indicator(AT_RISK_FOLLOWED).total(), now.indicator(AT_RISK_DETECTED).total()));
        lines.add(new TargetLine("ABUSED_FEWER_THAN_LAST_YEAR",
                "Số trẻ em bị xâm hại giảm so với cùng kỳ năm trước",
                "Abused children fewer than in the same period of the year before", "CASES", abused, lastYear,
                lastYear == 0 ? null : Math.round(abused * 1000.0 / lastYear) / 10.0,
                "Thấp hơn năm trước", "Lower than the year before", lastYear == 0 && abused == 0 ? null
                : abused < lastYear, null, null));
        lines.add(TargetLine.share("ABUSED_HELPED_IN_TIME_SHARE",
                "Tỷ lệ trẻ em bị xâm hại được phát hiện, hỗ trợ, can thiệp kịp thời",
                "Share of abused children helped in time", "CASES",
                now.indicator(ABUSED_HELPED_IN_TIME).total(), abused));

        List<CommuneFigures> communes = communeFigures(year, existingDuring(now.communes(), period), asOf);
        lines.add(pairShare("HEART_POLICY_SHARE",
                "Tỷ lệ trẻ em mắc bệnh tim bẩm sinh được hưởng chính sách theo Quyết định 55a/2013/QĐ-TTg",
                "Share of children with congenital heart disease covered by the Decision 55a policy", communes,
                CommuneTargetItem.CONGENITAL_HEART_DISEASE_RECEIVED,
                CommuneTargetItem.CONGENITAL_HEART_DISEASE_ELIGIBLE));
        lines.add(pairShare("UNDER_6_HEALTH_INSURANCE_SHARE",
                "Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế", "Share of children under 6 with a "
                        + "health-insurance card", communes,
                CommuneTargetItem.CHILDREN_UNDER_6_WITH_HEALTH_INSURANCE_CARD, CommuneTargetItem.CHILDREN_UNDER_6));
        lines.add(communeShare("CHILD_FRIENDLY_COMMUNES", "Tỷ lệ xã, thị trấn đạt tiêu chuẩn xã, phường phù hợp "
                + "với trẻ em", "Share of communes meeting the child-friendly standard", communes,
                CommuneTargetItem.CHILD_FRIENDLY_COMMUNE));
        lines.add(communeShare("ACTION_MONTH_COMMUNES", "Tỷ lệ xã, thị trấn tổ chức Tháng hành động vì trẻ em",
                "Share of communes holding the Action Month for Children", communes,
                CommuneTargetItem.ACTION_MONTH_HELD));
        lines.add(communeShare("MID_AUTUMN_COMMUNES", "Tỷ lệ xã, thị trấn tổ chức Tết Trung thu cho trẻ em",
                "Share of communes holding the Mid-Autumn festival", communes,
                CommuneTargetItem.MID_AUTUMN_FESTIVAL_HELD));
        lines.add(communeShare("CHILDREN_FORUM_COMMUNES", "Tỷ lệ xã, thị trấn tổ chức Diễn đàn trẻ em",
                "Share of communes holding the Children's Forum", communes, CommuneTargetItem.CHILDREN_FORUM_HELD));
        Instant generatedAt = before.generatedAt().isAfter(now.generatedAt()) ? before.generatedAt()
                : now.generatedAt();
        return new PlanTargets(orgUnit, year, period.from(), period.to(), asOf, generatedAt,
                AnswerAge.countedAt(generatedAt, List.of(now, before)), List.copyOf(lines), communes);
    }

    /**
     * The communes that existed on some day of the period: a commune that ceased before it (or began after it) has
     * no figures to enter for it and is not counted as one that did not.
     */
    private List<String> existingDuring(List<String> communeCodes, ReportingPeriod period) {
        return communeCodes.stream().filter(code -> orgUnits.find(code).map(unit ->
                !unit.validFrom().isAfter(period.to()) && (unit.validTo() == null
                        || !unit.validTo().isBefore(period.from()))).orElse(false)).toList();
    }

    private List<CommuneFigures> communeFigures(int year, List<String> communeCodes, Instant asOf) {
        Map<String, CommuneTargets> latest = entered.latest(year, communeCodes, asOf).stream()
                .collect(Collectors.toMap(CommuneTargets::communeCode, Function.identity()));
        List<CommuneFigures> figures = new ArrayList<>();
        for (String code : communeCodes) {
            OrgUnit unit = orgUnits.find(code).orElseThrow();
            figures.add(new CommuneFigures(code, unit.nameVi(), unit.nameEn(), latest.get(code)));
        }
        return List.copyOf(figures);
    }

    /**
     * A share of children summed over the communes that entered both halves of the pair (part and whole), so that a
     * part is only ever divided by its own commune's whole; the sums are null when no commune entered the pair.
     */
    private static TargetLine pairShare(String code, String nameVi, String nameEn, List<CommuneFigures> communes,
                                        CommuneTargetItem part, CommuneTargetItem whole) {
        List<CommuneFigures> complete = communes.stream()
                .filter(c -> entered(c, part) != null && entered(c, whole) != null).toList();
        Long parts = complete.isEmpty() ? null : sum(complete, part);
        Long wholes = complete.isEmpty() ? null : sum(complete, whole);
        return TargetLine.share(code, nameVi, nameEn, "ENTERED", parts, wholes, complete.size(),
                communes.size() - complete.size());
    }

    private static long sum(List<CommuneFigures> communes, CommuneTargetItem item) {
        return communes.stream().mapToLong(c -> ((Integer) entered(c, item)).longValue()).sum();
    }

    /** Communes that reported yes, against every commune in scope (one that did not report has not met it). */
    private static TargetLine communeShare(String code, String nameVi, String nameEn, List<CommuneFigures> communes,
                                           CommuneTargetItem item) {
        Predicate<CommuneFigures> yes = c -> Boolean.TRUE.equals(entered(c, item));
        return TargetLine.share(code, nameVi, nameEn, "ENTERED", communes.stream().filter(yes).count(),
                (long) communes.size(), communes.size(), 0);
    }

    /** What the commune entered for the item, or null (not reported, or nothing entered). */
    private static Object entered(CommuneFigures commune, CommuneTargetItem item) {
        return commune.entered() == null ? null : commune.entered().value(item);
    }
}
