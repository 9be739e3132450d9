package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitRegistry;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.indicators.CaseFacts.CommuneSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.CaseRecords;
import vn.childprotection.casetracker.query.indicators.FactHistory.Recorded;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedSpell;
import vn.childprotection.casetracker.query.indicators.FactHistory.RecordedStep;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * PostgreSQL counts every indicator exactly as the Java path did case by case ({@link IndicatorCalculator} over the
 * cases {@link CountedCasesQuery} reads): for random invented cases — children named by several cases, reports at
 * the same instant, every category, ages outside the bands, no setting, no form of abuse, values no enum lists,
 * steps, transfers and late records derived into rows as the projection derives them ({@link FactHistory}) — and
 * random periods, as-of instants, sets of communes and definitions (every measure, unit, filter and dimension), each
 * {@link IndicatorValue} is equal: totals, cells, their order and labels. The rows are written in a transaction that
 * is rolled back, in 2011–2012, a time no other test uses; both counts read one snapshot (repeatable read).
 */
class CountedInPostgresTest extends QuerySideIntegrationTest {

    private static final Instant ORIGIN = LocalDate.of(2011, 1, 1).atStartOfDay(ReportingPeriod.ZONE).toInstant();
    private static final List<String> COMMUNES = List.of("313-an-thai", "313-quoc-tuan", "313-tt-an-lao",
            "31-xa-an-lao", "no-such-commune");
    private static final List<StepKind> STEP_KINDS = List.of(StepKind.INITIAL_ASSESSMENT,
            StepKind.EMERGENCY_MEASURES, StepKind.PLAN_APPROVED, StepKind.INTERVENTION_COMPLETED, StepKind.CLOSED,
            StepKind.REOPENED);

    @Autowired
    private IndicatorFactsRepository facts;
    @Autowired
    private IndicatorCells cells;
    @Autowired
    private IndicatorDefinitions definitions;
    @Autowired
    private AgeBands ageBands;
    @Autowired
    private OrgUnitRegistry orgUnits;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void postgres_counts_every_indicator_as_the_case_by_case_count_did() {
        IndicatorCalculator oracle = new IndicatorCalculator(ageBands, orgUnits);
        long[] seen = new long[2];
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            TransactionTemplate rolledBack = new TransactionTemplate(transactions);
            rolledBack.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            long s = seed;
            rolledBack.executeWithoutResult(status -> {
                status.setRollbackOnly();
                insert(s, random, 30 + random.nextInt(50));
                List<IndicatorDefinition> asked = new ArrayList<>(definitions.indicators());
                for (int i = 0; i < 12; i++) {
                    asked.add(randomDefinition(random, "RANDOM_" + i));
                }
                for (int question = 0; question < 10; question++) {
                    LocalDate from = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(400) - 20);
                    ReportingPeriod period = new ReportingPeriod(from, from.plusDays(random.nextInt(200)));
                    Instant asOf = random.nextInt(3) == 0 ? null : instant(random, 500);
                    List<String> communes = new ArrayList<>(COMMUNES);
                    Collections.shuffle(communes, random);
                    communes = communes.subList(0, 1 + random.nextInt(communes.size()));
                    Map<String, CountedCells> counted = facts.count(communes, period, asked, asOf);
                    Map<Measure, List<CountedCase>> cases = CountedCasesQuery.counted(jdbc, communes, period,
                            EnumSet.allOf(Measure.class), asOf);
                    for (IndicatorDefinition definition : asked) {
                        IndicatorValue expected = oracle.count(definition, cases.get(definition.measure()),
                                communes);
                        assertThat(cells.value(definition, counted.get(definition.code()), communes))
                                .as("%s over %s in %s as of %s, seed %d", definition, period, communes, asOf, s)
                                .isEqualTo(expected);
                        seen[0] += expected.total();
                        seen[1] += expected.breakdowns().stream().flatMap(b -> b.cells().stream())
                                .filter(cell -> cell.key().equals("NONE") && cell.count() > 0).count();
                    }
                }
            });
        }
        assertThat(seen[0]).as("children and cases counted over every question").isGreaterThan(1000);
        assertThat(seen[1]).as("NONE cells met").isPositive();
    }

    private static IndicatorDefinition randomDefinition(Random random, String code) {
        Set<CaseCategory> categories = EnumSet.noneOf(CaseCategory.class);
        for (CaseCategory category : CaseCategory.values()) {
            if (random.nextInt(3) == 0) {
                categories.add(category);
            }
        }
        List<Dimension> breakdowns = new ArrayList<>(List.of(Dimension.values()));
        Collections.shuffle(breakdowns, random);
        return new IndicatorDefinition(code, "CASES", "Chỉ tiêu thử " + code, "Test indicator " + code,
                pick(random, CountingUnit.values()), pick(random, Measure.values()), categories,
                random.nextInt(4) == 0, breakdowns.subList(0, random.nextInt(breakdowns.size() + 1)));
    }

    /**
     * Writes random cases' report rows and counted facts, the facts derived as the projection derives them, each with
     * its report's fields (V3_12) as the projection's writer copies them.
     */
    private void insert(long seed, Random random, int cases) {
        int children = Math.max(1, cases * 2 / 3);
        for (int i = 0; i < cases; i++) {
            CaseRecords records = randomCase(random, "count-" + seed + "-" + Integer.toString(random.nextInt(1 << 20),
                    36) + "-" + i, "count-child-" + seed + "-" + random.nextInt(children));
            CaseFacts c = records.reported();
            jdbc.execute((Connection connection) -> {
                Connection raw = DataSourceUtils.getTargetConnection(connection);
                Array forms = raw.createArrayOf("varchar", c.abuseForms().toArray());
                Array groups = raw.createArrayOf("varchar", c.specialGroups().toArray());
                jdbc.update("""
                        INSERT INTO indicator_case (case_id, child_id, commune_code, category, channel, sex,
                            age_years, setting, abuse_forms, special_groups, reported_at, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.caseId(), c.childId(), c.communeCode(),
                        c.category().name(), c.channel(), c.sex(), c.ageYears(), c.setting(), forms, groups,
                        c.reportedAt().atOffset(ZoneOffset.UTC), records.reportRecordedAt().atOffset(ZoneOffset.UTC));
                List<Recorded> rows = FactHistory.of(records);
                jdbc.batchUpdate("""
                        INSERT INTO indicator_fact (case_id, measure, commune_code, counted_at, previous_at,
                            holds_after, holds_until, recorded_at, superseded_at, child_id, category, channel, sex,
                            age_years, setting, abuse_forms, special_groups, reported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream()
                        .map(row -> new Object[] {c.caseId(), row.fact().measure().name(), row.fact().communeCode(),
                                utc(row.fact().countedAt()), utc(row.fact().previousAt()),
                                utc(row.fact().holdsAfter()), utc(row.fact().holdsUntil()), utc(row.recordedAt()),
                                utc(row.supersededAt()), c.childId(), c.category().name(), c.channel(), c.sex(),
                                c.ageYears(), c.setting(), forms, groups, utc(c.reportedAt())}).toList());
                return null;
            });
        }
    }

    private static CaseRecords randomCase(Random random, String caseId, String childId) {
        Instant reportedAt = instant(random, 400);
        Instant reportRecordedAt = random.nextInt(4) == 0 ? reportedAt.plus(Duration.ofDays(random.nextInt(60)))
                : reportedAt;
        String reportedIn = pick(random, COMMUNES.toArray(String[]::new));
        long sequence = 0;
        List<RecordedSpell> spells = new ArrayList<>();
        spells.add(new RecordedSpell(new CommuneSpell(sequence, reportedIn, reportedAt), reportRecordedAt));
        List<RecordedStep> steps = new ArrayList<>();
        int events = random.nextInt(9);
        for (int i = 0; i < events; i++) {
            sequence++;
            Instant occurredAt = reportedAt.plus(Duration.ofDays(random.nextInt(120)));
            Instant recordedAt = random.nextInt(3) == 0 ? occurredAt.plus(Duration.ofDays(random.nextInt(40)))
                    : occurredAt.isBefore(reportRecordedAt) ? reportRecordedAt : occurredAt;
            int what = random.nextInt(10);
            if (what == 0) {
                spells.add(new RecordedSpell(new CommuneSpell(sequence, pick(random, COMMUNES.toArray(String[]::new)),
                        occurredAt), recordedAt));
            } else if (what <= 3) {
                DeadlineRule rule = pick(random, new DeadlineRule[] {DeadlineRule.EMERGENCY_MEASURES,
                        DeadlineRule.PLAN_DRAFTING, DeadlineRule.PLAN_APPROVAL});
                String id = "d-" + sequence;
                steps.add(new RecordedStep(new CaseStep(sequence, StepKind.DEADLINE_SCHEDULED, occurredAt, id, rule,
                        occurredAt.plus(Duration.ofDays(random.nextInt(5) + 1))), recordedAt));
                if (random.nextInt(4) != 0) {
                    sequence++;
                    Instant met = occurredAt.plus(Duration.ofDays(random.nextInt(8)));
                    steps.add(new RecordedStep(new CaseStep(sequence, StepKind.DEADLINE_FULFILLED, met, id, rule,
                            null), random.nextBoolean() ? recordedAt : met));
                }
            } else {
                steps.add(new RecordedStep(new CaseStep(sequence, pick(random, STEP_KINDS.toArray(StepKind[]::new)),
                        occurredAt, null, null, null), recordedAt));
            }
        }
        CaseFacts reported = new CaseFacts(caseId, childId, reportedIn, pick(random, CaseCategory.values()),
                random.nextInt(10) == 0 ? "UNLISTED_CHANNEL" : pick(random, ReportChannel.values()).name(),
                random.nextInt(15) == 0 ? "UNLISTED_SEX" : pick(random, Sex.values()).name(), random.nextInt(20) - 2,
                random.nextInt(3) == 0 ? null : random.nextInt(8) == 0 ? "UNLISTED_SETTING"
                        : pick(random, AbuseSetting.values()).name(),
                some(random, Arrays.stream(AbuseForm.values()).map(Enum::name).toList(), "UNLISTED_FORM"),
                some(random, Arrays.stream(SpecialCircumstanceGroup.values()).map(Enum::name).toList(),
                        "UNLISTED_GROUP"), reportedAt, List.of(), null);
        return new CaseRecords(reported, reportRecordedAt, steps, spells);
    }

    /** None to three of the values, once in a while one no enum lists. */
    private static Set<String> some(Random random, List<String> values, String unlisted) {
        Set<String> chosen = new LinkedHashSet<>();
        int how = random.nextInt(4);
        for (int i = 0; i < how; i++) {
            chosen.add(random.nextInt(12) == 0 ? unlisted : values.get(random.nextInt(values.size())));
        }
        return new HashSet<>(chosen);
    }

    /** An instant within {@code days} days of 1/1/2011 in Vietnam, on a coarse grid so that reports often tie. */
    private static Instant instant(Random random, int days) {
        Instant day = ORIGIN.plus(Duration.ofDays(random.nextInt(days) - 10));
        return random.nextBoolean() ? day : day.plus(Duration.ofHours(random.nextInt(4) * 6L));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static java.time.OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
