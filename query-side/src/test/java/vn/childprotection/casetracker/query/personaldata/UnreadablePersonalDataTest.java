package vn.childprotection.casetracker.query.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * A case's personal data is erased only when its erasure event was recorded. A key missing without it, or a value
 * its key does not open, is an integrity error: the read still answers, says so, logs it without personal data,
 * counts it, and the integrity check lists the case.
 */
class UnreadablePersonalDataTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-04-07T01:00:00Z");

    @Autowired
    MeterRegistry meters;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void captureLogs() {
        logger = (Logger) LoggerFactory.getLogger(UnreadablePersonalData.class);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(logged);
    }

    @Test
    void a_key_deleted_without_an_erasure_is_an_integrity_error_not_an_erasure() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-tien", T0));
        awaitCaseFile(caseId, 1);
        double before = count("key-missing");

        jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId);
        JsonNode file = getJson("/api/v1/cases/" + caseId);

        assertThat(file.get("personalDataErased").asBoolean()).isFalse();
        assertThat(file.get("personalDataUnreadable").asBoolean()).isTrue();
        assertThat(file.get("child").get("name").isNull()).isTrue();
        assertThat(file.get("report").get("narrative").isNull()).isTrue();
        assertThat(file.get("child").get("ageYears").asInt()).as("plain fields still read").isEqualTo(9);
        assertThat(count("key-missing") - before).as("name, birth date, address, reporter, narrative")
                .isEqualTo(5.0);
        List<String> lines = errorsAbout(caseId);
        assertThat(lines).hasSize(5).anySatisfy(line -> assertThat(line).contains("child.name", "key-missing"));
        assertNothingPersonalIn(lines, childId);
        assertThat(unreadableFieldsOf(caseId)).containsExactlyInAnyOrder("child.name:key-missing",
                "child.birthDate:key-missing", "child.address:key-missing", "report.reporterIdentity:key-missing",
                "report.narrative:key-missing");
    }

    @Test
    void a_value_its_key_does_not_open_is_an_integrity_error_and_the_other_fields_still_open() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-tien", T0));
        awaitCaseFile(caseId, 1);
        double before = count("value-does-not-open");
        String cipherText = jdbc.queryForObject("SELECT doc #>> '{child,name,cipherText}' FROM case_file "
                + "WHERE case_id = ?", String.class, caseId);
        byte[] bytes = Base64.getDecoder().decode(cipherText);
        bytes[bytes.length - 1] ^= 0x01;
        jdbc.update("UPDATE case_file SET doc = jsonb_set(doc, '{child,name,cipherText}', to_jsonb(?::text)) "
                + "WHERE case_id = ?", Base64.getEncoder().encodeToString(bytes), caseId);

        JsonNode file = getJson("/api/v1/cases/" + caseId);

        assertThat(file.get("personalDataErased").asBoolean()).isFalse();
        assertThat(file.get("personalDataUnreadable").asBoolean()).isTrue();
        assertThat(file.get("child").get("name").isNull()).isTrue();
        assertThat(file.get("child").get("address").asString()).isEqualTo("Thôn Thử Nghiệm, xã An Thái");
        assertThat(count("value-does-not-open") - before).isEqualTo(1.0);
        List<String> lines = errorsAbout(caseId);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains(caseId, "child.name", "value-does-not-open"));
        assertNothingPersonalIn(lines, childId);
        assertThat(unreadableFieldsOf(caseId)).containsExactly("child.name:value-does-not-open");
    }

    @Test
    void a_lawful_erasure_reads_erased_with_no_error_and_is_not_listed_by_the_integrity_check() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-tien", T0));
        awaitCaseFile(caseId, 1);
        double before = count("key-missing") + count("value-does-not-open");

        append(COORDINATOR, T0.plusSeconds(3_600), new ChildIdentityErased(caseId, T0.plusSeconds(3_600), childId,
                "CONSENT_WITHDRAWN", "QĐ-21/2025"));
        jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId);
        JsonNode rightAfter = getJson("/api/v1/cases/" + caseId);
        JsonNode file = awaitCaseFile(caseId, 2);

        assertThat(rightAfter.get("personalDataErased").asBoolean())
                .as("erased from the event store's word, projected yet or not").isTrue();
        assertThat(rightAfter.get("personalDataUnreadable").asBoolean()).isFalse();
        assertThat(file.get("personalDataErased").asBoolean()).isTrue();
        assertThat(file.get("personalDataUnreadable").asBoolean()).isFalse();
        assertThat(file.get("child").get("name").isNull()).isTrue();
        assertThat(count("key-missing") + count("value-does-not-open")).isEqualTo(before);
        assertThat(errorsAbout(caseId)).isEmpty();
        assertThat(unreadableFieldsOf(caseId)).isEmpty();
    }

    @Test
    void the_integrity_check_pages_and_refuses_a_bad_page_size() {
        JsonNode first = getJson("/api/v1/integrity/personal-data?limit=1");
        assertThat(first.get("casesChecked").asInt()).isLessThanOrEqualTo(1);

        assertProblem(get("/api/v1/integrity/personal-data?limit=0"), 400);
        assertProblem(get("/api/v1/integrity/personal-data?limit=501"), 400);
        assertRefused(getAs("police", "/api/v1/integrity/personal-data"), "role-not-allowed");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private double count(String reason) {
        return meters.counter(UnreadablePersonalData.COUNTER, "reason", reason).count();
    }

    private List<String> errorsAbout(String caseId) {
        return logged.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(caseId)).toList();
    }

    private static void assertNothingPersonalIn(List<String> lines, String childId) {
        for (String line : lines) {
            assertThat(line).doesNotContain(childId);
            for (String plain : reportedPlainTexts()) {
                assertThat(line).doesNotContain(plain);
            }
        }
    }

    /** Every page of the integrity check, the fields it lists for the case as "field:reason". */
    private List<String> unreadableFieldsOf(String caseId) {
        List<String> fields = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = body(getAs("auditor", "/api/v1/integrity/personal-data?limit=500"
                    + (after == null ? "" : "&after=" + after)));
            for (JsonNode unreadable : page.get("unreadable").values()) {
                if (unreadable.get("caseId").asString().equals(caseId)) {
                    for (JsonNode field : unreadable.get("fields").values()) {
                        fields.add(field.get("field").asString() + ":" + field.get("reason").asString());
                    }
                }
            }
            after = page.get("nextAfter").isNull() ? null : page.get("nextAfter").asString();
        } while (after != null);
        return fields;
    }
}
