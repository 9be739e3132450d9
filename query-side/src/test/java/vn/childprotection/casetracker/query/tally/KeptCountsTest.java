package vn.childprotection.casetracker.query.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * The counts the deadlines and risk register projections keep ({@code late_deadline_count}, {@code open_case_count})
 * equal, in one snapshot, what a {@code GROUP BY} over the rows they count gives ({@link KeptCountsOracle}): after
 * random interleaved sequences of events of many cases through the live processors, and when many transactions
 * change the same counts at once. After a rebuild of every projection, {@code ProjectionRebuildTest} checks them
 * against the same oracle (the rebuilds it runs anyway, over the whole store of the module's tests).
 */
class KeptCountsTest extends QuerySideIntegrationTest {

    /** Invented communes and agencies no other test reads, outside the registry's areas (no indicator sees them). */
    private static final List<String> COMMUNES = List.of("test-xa-phuc-an", "test-xa-hoa-binh", "test-xa-tan-lap",
            "test-phuong-dong-xuan");
    private static final List<String> AGENCIES = List.of("test-tram-y-te-phuc-an", "test-cong-an-hoa-binh",
            "test-hoi-phu-nu-tan-lap");
    private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
    private static final Set<Class<?>> RISK_REGISTER_EVENTS = Set.of(CaseReported.class,
            InitialAssessmentRecorded.class, DetailedAssessmentRecorded.class, CaseReviewed.class, CaseClosed.class,
            CaseReopened.class, CaseTransferred.class, CaseCarriedOver.class);

    private static final Comparator<List<String>> KEY_ORDER = Comparator.comparing(List::toString);

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void kept_counts_equal_a_count_of_the_rows_after_random_interleaved_events() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Long> riskRegisterVersions = new HashMap<>();
        Map<String, Long> deadlineVersions = new HashMap<>();
        Map<String, List<CaseScenarios.Step>> stories = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            String caseId = newId("kept");
            String childId = newId("child");
            CaseScenarios scenarios = new CaseScenarios(random, COMMUNES, AGENCIES, text -> seal(childId, text));
            String commune = scenarios.pick(COMMUNES);
            Instant reportedAt = T0.plus(Duration.ofMinutes(i));
            List<CaseScenarios.Step> story = new ArrayList<>();
            story.add(new CaseScenarios.Step(reported(caseId, childId, commune, reportedAt,
                    CaseCategory.values()[random.nextInt(CaseCategory.values().length)]), reportedAt, null));
            story.addAll(scenarios.after(caseId, commune, reportedAt, 4 + random.nextInt(12)));
            stories.put(caseId, story);
        }
        // Interleaved at random across the cases (each case's own order kept), so batches mix cases and communes.
        Map<String, Integer> next = new HashMap<>();
        List<String> unfinished = new ArrayList<>(stories.keySet());
        while (!unfinished.isEmpty()) {
            String caseId = unfinished.get(random.nextInt(unfinished.size()));
            int index = next.merge(caseId, 1, Integer::sum) - 1;
            CaseScenarios.Step step = stories.get(caseId).get(index);
            if (step.systemOrgUnit() != null) {
                appendBySystem(step.systemOrgUnit(), step.recordedAt(), step.event());
            } else {
                append(WORKER, step.recordedAt(), step.event());
            }
            long version = index + 1;
            if (RISK_REGISTER_EVENTS.contains(step.event().getClass())) {
                riskRegisterVersions.put(caseId, version);
            }
            if (step.event() instanceof CaseReported || step.event() instanceof CaseTransferred
                    || step.event() instanceof CaseCarriedOver
                    || step.event().getClass().getSimpleName().startsWith("Deadline")) {
                deadlineVersions.put(caseId, version);
            }
            if (index + 1 == stories.get(caseId).size()) {
                unfinished.remove(caseId);
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(versions("risk_register", riskRegisterVersions.keySet())).isEqualTo(riskRegisterVersions);
            assertThat(versions("deadline_case", deadlineVersions.keySet())).isEqualTo(deadlineVersions);
        });
        assertThat(differences()).as("seed %s", seed).isEmpty();
        assertThat(oracleLate()).as("seed %s: the scenarios left late deadlines", seed).isNotEmpty();
        assertThat(oracleOpen()).as("seed %s: the scenarios left open cases", seed).isNotEmpty();
        assertAnswersCountTheRows(seed);
    }

    @Test
    void counts_changed_by_concurrent_batches_lose_no_change_and_never_deadlock() throws Exception {
        jdbc.execute("CREATE TABLE kept_count_probe (a VARCHAR(8) NOT NULL, b VARCHAR(8) NOT NULL, "
                + "n BIGINT NOT NULL CHECK (n >= 0), PRIMARY KEY (a, b))");
        try {
            KeptCounts counts = KeptCounts.of("kept_count_probe", "n", "a", "b");
            List<List<String>> keys = new ArrayList<>();
            for (String a : List.of("x", "y", "z")) {
                for (String b : List.of("1", "2", "3")) {
                    keys.add(List.of(a, b));
                }
            }
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<Map<List<String>, Long>>> added = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = w;
                added.add(writers.submit(() -> {
                    Random random = new Random(seed);
                    Map<List<String>, Long> net = new HashMap<>();
                    Map<List<String>, Long> previous = Map.of();
                    for (int batch = 0; batch < 40; batch++) {
                        Map<List<String>, Long> now = new HashMap<>();
                        for (int k = 0; k < 5; k++) {
                            now.merge(keys.get(random.nextInt(keys.size())), 1L + random.nextInt(3), Long::sum);
                        }
                        // Each batch takes back what the writer's previous batch added and adds anew, as a
                        // projection's batch replaces what its cases counted for.
                        Map<List<String>, Long> before = previous;
                        inBatch(b -> counts.addChanges(b, before, now));
                        previous = now;
                    }
                    previous.forEach((key, n) -> net.merge(key, n, Long::sum));
                    return net;
                }));
            }
            Map<List<String>, Long> expected = new TreeMap<>(KEY_ORDER);
            for (Future<Map<List<String>, Long>> writer : added) {
                writer.get().forEach((key, n) -> expected.merge(key, n, Long::sum));
            }
            writers.shutdown();
            Map<List<String>, Long> kept = new TreeMap<>(KEY_ORDER);
            jdbc.query("SELECT a, b, n FROM kept_count_probe", rs -> {
                kept.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
            });
            assertThat(kept).isEqualTo(expected);
            assertThat(kept.values()).allSatisfy(n -> assertThat(n).isPositive());
        } finally {
            jdbc.execute("DROP TABLE kept_count_probe");
        }
    }

    /** Runs {@code write} as the writer of a projection's batch: in a processor's unit of work and transaction. */
    private void inBatch(Consumer<ProjectionBatch> write) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            BatchingUnitOfWork<?> unitOfWork = new BatchingUnitOfWork<>(
                    List.of(GenericEventMessage.asEventMessage("probe")));
            unitOfWork.start();
            ProjectionBatch.of(this, jdbc, write);
            unitOfWork.commit();
        });
    }

    private List<String> differences() {
        return KeptCountsOracle.differences(jdbc);
    }

    /** The overdue and risk registers' first pages count, for the test's communes, what the rows hold. */
    private void assertAnswersCountTheRows(long seed) {
        JsonNode overdue = getJson("/api/v1/overdue?limit=1");
        JsonNode register = getJson("/api/v1/risk-register?limit=1");
        for (String commune : COMMUNES) {
            assertThat(overdue.get("countsByCommune").path(commune).asLong(0)).as("seed %s, %s", seed, commune)
                    .isEqualTo(count("case_deadline WHERE state = 'MISSED' AND commune_code = ?", commune));
            assertThat(register.get("countsByCommune").path(commune).asLong(0)).as("seed %s, %s", seed, commune)
                    .isEqualTo(count("risk_register WHERE status <> 'CLOSED' AND commune_code = ?", commune));
        }
        for (String agency : AGENCIES) {
            assertThat(overdue.get("countsByAgency").path(agency).asLong(0)).as("seed %s, %s", seed, agency)
                    .isEqualTo(count("case_deadline WHERE state = 'MISSED' AND rule = 'INTERVENTION_DUE' "
                            + "AND responsible_org_unit = ?", agency));
        }
    }

    private long count(String from, String value) {
        return jdbc.queryForObject("SELECT count(*) FROM " + from, Long.class, value);
    }

    private Map<String, Long> oracleLate() {
        return grouped("SELECT commune_code || ' ' || CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit "
                + "ELSE '' END, count(*) FROM case_deadline WHERE state = 'MISSED' AND commune_code LIKE 'test-%' "
                + "GROUP BY 1");
    }

    private Map<String, Long> oracleOpen() {
        return grouped("SELECT commune_code || ' ' || COALESCE(risk_level, 'UNASSESSED') || ' ' || category, "
                + "count(*) FROM risk_register WHERE status <> 'CLOSED' AND commune_code LIKE 'test-%' GROUP BY 1");
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private Map<String, Long> versions(String table, Set<String> caseIds) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("SELECT case_id, version FROM " + table + " WHERE case_id = ANY (?)", rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        }, (Object) caseIds.toArray(String[]::new));
        return versions;
    }

    private CaseReported reported(String caseId, String childId, String commune, Instant at, CaseCategory category) {
        return new CaseReported(caseId, childId, at, commune, commune, category, ReportChannel.HOTLINE_111,
                Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY, Set.of(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE),
                Sex.MALE, 11, false, "Tày", seal(childId, "Hoàng Văn Thử"), seal(childId, "2013-02-14"),
                seal(childId, "Bản Thử Nghiệm"), false, null, seal(childId, "Thầy giáo báo trẻ nghỉ học nhiều ngày"));
    }
}
