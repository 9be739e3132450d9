package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * A commune's facts version ({@code indicator_commune_version}, V3_12) is renewed only when a fact row of the commune
 * changes: an event the projection keeps as a step but which no measure counts leaves the case's fact rows untouched
 * (not even rewritten) and the commune's version as it was, so its answer is given again without counting; an event
 * that changes a count renews it and the answer follows; a case moved to another commune renews both communes.
 * Whether a question was counted is read from {@link IndicatorAnswers#counts()}, never from timing. Cases of 2012,
 * a year no other test of the module uses, each closed before its test ends (the registers other tests read list the
 * open cases of these communes).
 */
class FactsVersionRenewalTest extends QuerySideIntegrationTest {

    private static final String TRUONG_THO = "313-truong-tho";
    private static final String QUANG_HUNG = "313-quang-hung";
    private static final String QUANG_TRUNG = "313-quang-trung";

    @Autowired
    private IndicatorAnswers answers;

    @Test
    void steps_that_no_measure_counts_keep_the_communes_version_and_its_answer_is_not_counted_again() {
        String question = question(TRUONG_THO, "2012-01-01", "2012-06-30");
        String caseId = report(TRUONG_THO, "2012-02-01T02:00:00Z");
        awaitTotal(question, "CASES_REPORTED", 1);
        long version = version(TRUONG_THO);
        List<String> factRows = factRowsWithTheirRowVersions(caseId);
        assertThat(factRows).isNotEmpty();
        long counted = answers.counts();

        // A time limit of an intervention and the intervention carried out: kept as steps, counted by no measure.
        append(WORKER, Instant.parse("2012-02-10T02:00:00Z"), scheduled(caseId,
                Instant.parse("2012-02-10T02:00:00Z"), "d-" + caseId, DeadlineRule.INTERVENTION_DUE,
                Instant.parse("2012-02-20T10:00:00Z"), "313-health-centre", "i-1"));
        append(HEALTH, Instant.parse("2012-02-15T02:00:00Z"), new InterventionStatusChanged(caseId,
                Instant.parse("2012-02-15T02:00:00Z"), "i-1", "313-health-centre", InterventionStatus.IN_PROGRESS,
                InterventionStatus.COMPLETED, null));
        append(HEALTH, Instant.parse("2012-02-15T02:00:00Z"), new DeadlineFulfilled(caseId,
                Instant.parse("2012-02-15T02:00:00Z"), "d-" + caseId, DeadlineRule.INTERVENTION_DUE, "i-1", false));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM indicator_step WHERE case_id = ?", Long.class, caseId)).isEqualTo(3));

        assertThat(version(TRUONG_THO)).as("the commune's version").isEqualTo(version);
        assertThat(factRowsWithTheirRowVersions(caseId)).as("fact rows neither changed nor rewritten")
                .isEqualTo(factRows);
        assertThat(total(getJson(question), "CASES_REPORTED")).isEqualTo(1);
        assertThat(answers.counts()).as("given again, not counted").isEqualTo(counted);
        close(caseId);
    }

    @Test
    void a_step_that_changes_a_count_renews_the_communes_version_and_the_answer_follows() {
        String question = question(TRUONG_THO, "2012-07-01", "2012-12-31");
        String caseId = report(TRUONG_THO, "2012-08-01T02:00:00Z");
        awaitTotal(question, "OPEN_CASES", 1);
        long version = version(TRUONG_THO);
        assertThat(total(getJson(question), "CLOSED_CASES")).isZero();

        append(WORKER, Instant.parse("2012-09-01T02:00:00Z"), new CaseClosed(caseId,
                Instant.parse("2012-09-01T02:00:00Z"), "NO_FURTHER_RISK", null, null));
        awaitTotal(question, "CLOSED_CASES", 1);

        assertThat(version(TRUONG_THO)).as("the commune's version").isGreaterThan(version);
        assertThat(total(getJson(question), "OPEN_CASES")).isZero();
        awaitLeftTheRegisters(caseId);
    }

    @Test
    void a_case_moved_to_another_commune_renews_the_version_of_both() {
        String from = question(QUANG_HUNG, "2012-01-01", "2012-12-31");
        String to = question(QUANG_TRUNG, "2012-01-01", "2012-12-31");
        String caseId = report(QUANG_HUNG, "2012-03-01T02:00:00Z");
        awaitTotal(from, "OPEN_CASES", 1);
        assertThat(total(getJson(to), "OPEN_CASES")).isZero();
        long fromVersion = version(QUANG_HUNG);
        long toVersion = version(QUANG_TRUNG);

        append(WORKER, Instant.parse("2012-04-01T02:00:00Z"), new CaseTransferred(caseId,
                Instant.parse("2012-04-01T02:00:00Z"), QUANG_HUNG, QUANG_TRUNG, null));
        awaitTotal(to, "OPEN_CASES", 1);

        assertThat(version(QUANG_HUNG)).as("the commune the case left").isGreaterThan(fromVersion);
        assertThat(version(QUANG_TRUNG)).as("the commune the case moved to").isGreaterThan(toVersion);
        JsonNode left = getJson(from);
        assertThat(total(left, "OPEN_CASES")).as("open at the year's end where it is run then").isZero();
        assertThat(total(left, "CASES_REPORTED")).as("reported where it was reported").isEqualTo(1);
        close(caseId);
    }

    private static String question(String commune, String from, String to) {
        return "/api/v1/indicators?orgUnit=" + commune + "&from=" + from + "&to=" + to
                + "&code=CASES_REPORTED&code=OPEN_CASES&code=CLOSED_CASES";
    }

    private String report(String commune, String at) {
        String caseId = newId("renewal");
        append(WORKER, Instant.parse(at), reported(caseId, newId("child"), commune, Instant.parse(at)));
        return caseId;
    }

    /**
     * Closes the case and waits until the risk register says so, so that the registers other tests read per commune
     * never list it.
     */
    private void close(String caseId) {
        append(WORKER, Instant.parse("2012-12-20T02:00:00Z"), new CaseClosed(caseId,
                Instant.parse("2012-12-20T02:00:00Z"), "NO_FURTHER_RISK", null, null));
        awaitLeftTheRegisters(caseId);
    }

    private void awaitLeftTheRegisters(String caseId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT status FROM risk_register WHERE case_id = ?", String.class, caseId)).isEqualTo("CLOSED"));
    }

    private long version(String commune) {
        return jdbc.queryForObject("SELECT COALESCE(max(version), 0) FROM indicator_commune_version "
                + "WHERE commune_code = ?", Long.class, commune);
    }

    /** The case's fact rows, each with its row version ({@code xmin}), which a rewrite of the row changes. */
    private List<String> factRowsWithTheirRowVersions(String caseId) {
        return jdbc.queryForList("SELECT xmin::text || ' ' || measure || ' ' || commune_code || ' ' "
                + "|| recorded_at::text FROM indicator_fact WHERE case_id = ? ORDER BY 1", String.class, caseId);
    }

    private void awaitTotal(String question, String code, long expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(total(getJson(question), code)).isEqualTo(expected));
    }

    private static long total(JsonNode answer, String code) {
        for (JsonNode indicator : answer.get("indicators")) {
            if (indicator.get("code").asString().equals(code)) {
                return indicator.get("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + answer);
    }
}
