package vn.childprotection.casetracker.query.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * No event stops a projection for good. Its own Spring context (and PostgreSQL), closed after the class: the event
 * parked here stays in the store, and would otherwise be met by every other test class's rebuilds.
 */
@TestPropertySource(properties = "casetracker.projections.dead-letters.max-sequence-size=1000")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParkedEventsTest extends QuerySideIntegrationTest {

    private static final String ADMIN = "/api/v1/admin/projections";
    private static final Duration REBUILD_PATIENCE = Duration.ofSeconds(120);
    private static final Instant T0 = Instant.parse("2025-06-02T04:00:00Z");
    private static final String COMMUNE = "313-an-thang";
    private static final List<String> PROJECTIONS = List.of("case-file", "case-history", "risk-register",
            "deadlines", "work-queue", "audit-trail", "indicators", "commune-targets");

    @Autowired
    private Configuration axon;

    @Autowired
    private DeadLetterQueues queues;

    @Autowired
    private TransactionManager axonTransactions;

    @Autowired
    private MeterRegistry meters;

    /**
     * A report whose ethnicity holds a NUL character, stored as the command side stored it before its input gate:
     * PostgreSQL cannot hold U+0000 in text or JSONB, so the case file and the case history cannot apply it.
     */
    @Test
    void an_event_a_projection_cannot_apply_is_parked_reported_and_every_other_case_keeps_flowing() {
        String poisoned = newId("poison");
        long poisonIndex = insertRawReportWithNulInEthnicity(poisoned);
        append(WORKER, T0.plus(Duration.ofHours(1)), new InitialAssessmentRecorded(poisoned,
                T0.plus(Duration.ofHours(1)), RiskLevel.HIGH, false, seal("child-p", "Vết bầm")));

        List<String> next = appendCases(100);

        // Every projection has processed the whole store, and every one of the 100 cases reached each of them.
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(getJson(ADMIN + "/" + projection).get("lag").asLong()).as("lag of %s", projection)
                        .isZero();
            }
        });
        Object[] ids = next.toArray();
        String in = String.join(", ", java.util.Collections.nCopies(next.size(), "?"));
        assertThat(count("SELECT count(*) FROM case_file WHERE version = 2 AND case_id IN (" + in + ")", ids))
                .isEqualTo(100);
        assertThat(count("SELECT count(*) FROM case_history WHERE case_id IN (" + in + ")", ids)).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM risk_register WHERE version = 2 AND case_id IN (" + in + ")", ids))
                .isEqualTo(100);
        assertThat(count("SELECT count(*) FROM deadline_case WHERE case_id IN (" + in + ")", ids)).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM work_case WHERE case_id IN (" + in + ")", ids)).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE case_id IN (" + in + ")", ids)).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM indicator_case WHERE case_id IN (" + in + ")", ids)).isEqualTo(100);
        // The poisoned case is not in the case file, its later event waits behind it; other projections have it.
        assertThat(count("SELECT count(*) FROM case_file WHERE case_id = ?", poisoned)).isZero();
        assertThat(count("SELECT count(*) FROM risk_register WHERE version = 2 AND case_id = ?", poisoned))
                .isEqualTo(1);

        // The admin API lists it with its error, and the event waiting behind it; never the payload.
        for (String projection : List.of("case-file", "case-history")) {
            HttpResponse<String> listed = get(ADMIN + "/" + projection + "/dead-letters");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).doesNotContain("Kinh").doesNotContain("cipherText");
            JsonNode list = body(listed);
            assertThat(list.get("parkedEvents").asLong()).as(projection).isEqualTo(2);
            assertThat(list.get("parkedCases").asLong()).isEqualTo(1);
            JsonNode failed = list.get("items").get(0);
            assertThat(failed.get("globalIndex").asLong()).isEqualTo(poisonIndex);
            assertThat(failed.get("caseId").asString()).isEqualTo(poisoned);
            assertThat(failed.get("eventType").asString()).isEqualTo("CaseReported");
            assertThat(failed.get("reason").asString()).isEqualTo("PARKED");
            assertThat(failed.get("errorClass").asString()).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(failed.get("errorMessage").asString()).contains("SQLSTATE 22P05");
            assertThat(failed.get("parkedAt").isNull()).isFalse();
            JsonNode waiting = list.get("items").get(1);
            assertThat(waiting.get("eventType").asString()).isEqualTo("InitialAssessmentRecorded");
            assertThat(waiting.get("reason").asString()).isEqualTo("WAITING");
            assertThat(waiting.get("globalIndex").asLong()).isGreaterThan(poisonIndex);

            JsonNode status = getJson(ADMIN + "/" + projection);
            assertThat(status.get("state").asString()).isEqualTo("PARKED");
            assertThat(status.get("parkedEvents").asLong()).isEqualTo(2);
            assertThat(status.get("parkedCases").asLong()).isEqualTo(1);
            assertThat(meters.get("casetracker.projection.parked.events").tag("projection", projection).gauge()
                    .value()).isEqualTo(2.0);
        }
        assertThat(getJson(ADMIN + "/risk-register").get("state").asString()).isEqualTo("LIVE");
        assertThat(meters.get("casetracker.projection.parked.events").tag("projection", "risk-register").gauge()
                .value()).isZero();

        // Health says so, with a code a Kubernetes probe (anonymous) still reads as "serving"; the counts are for
        // coordinators and auditors.
        HttpResponse<String> probe = getWithoutSignIn("/actuator/health");
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(200);
        assertThat(body(probe).get("status").asString()).isEqualTo("DEGRADED");
        assertThat(body(probe).get("components").get("deadLetters").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(body(probe).get("components").get("deadLetters").get("details")).isNull();
        HttpResponse<String> health = getAs("auditor", "/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode component = body(health).get("components").get("deadLetters");
        assertThat(component.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(component.get("details").get("case-file").get("parkedEvents").asLong()).isEqualTo(2);
        assertThat(component.get("details").get("case-history").get("parkedCases").asLong()).isEqualTo(1);

        // What is stored reads back as a restarted service reads it: a new queue over the same rows.
        List<DeadLetter<? extends EventMessage<?>>> stored = new ArrayList<>();
        axonTransactions.executeInTransaction(() -> queues.queue("case-file", axonTransactions, axon.serializer(),
                axon.eventSerializer()).deadLetterSequence(poisoned).forEach(stored::add));
        assertThat(stored).hasSize(2);
        assertThat(((TrackedEventMessage<?>) stored.get(0).message()).trackingToken().position())
                .hasValue(poisonIndex);
        assertThat(stored.get(0).message().getPayload()).isInstanceOf(CaseReported.class);
        assertThat(stored.get(1).message().getPayload()).isInstanceOf(InitialAssessmentRecorded.class);

        // A rebuild meeting it parks it too, finishes PARKED with its global index and error, and switches in.
        HttpResponse<String> started = postAs(COORDINATOR.username(), ADMIN + "/case-file/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode rebuild = awaitRebuildFinished("case-file");
        assertThat(rebuild.get("state").asString()).as(rebuild.toString()).isEqualTo("PARKED");
        assertThat(rebuild.get("parkedEvents").asLong()).isEqualTo(2);
        assertThat(rebuild.get("firstParked").get("globalIndex").asLong()).isEqualTo(poisonIndex);
        assertThat(rebuild.get("firstParked").get("errorMessage").asString()).contains("SQLSTATE 22P05");
        assertThat(rebuild.get("problem").asString()).contains("global index " + poisonIndex);
        assertThat(count("SELECT count(*) FROM case_file WHERE version = 2 AND case_id IN (" + in + ")", ids))
                .isEqualTo(100);
        assertThat(count("SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'case-file.rebuild'"))
                .isZero();
        JsonNode afterRebuild = getJson(ADMIN + "/case-file");
        assertThat(afterRebuild.get("state").asString()).isEqualTo("PARKED");
        assertThat(afterRebuild.get("parkedEvents").asLong()).isEqualTo(2);
        assertThat(afterRebuild.get("processorRunning").asBoolean()).isTrue();
        JsonNode relisted = getJson(ADMIN + "/case-file/dead-letters");
        assertThat(relisted.get("items").get(0).get("globalIndex").asLong()).isEqualTo(poisonIndex);

        // The rebuilt projection lives on: a new case reaches it.
        String later = appendCases(1).get(0);
        awaitCaseFile(later, 2);
    }

    /**
     * The "fix" here is a constraint the test adds to the risk register, so that the handler's row is refused for
     * one case, and then removes, as a deployed fix removes a defect.
     */
    @Test
    void a_retry_after_the_cause_is_gone_applies_the_parked_events_in_order_and_empties_the_queue() {
        String caseId = newId("refused");
        jdbc.execute("ALTER TABLE risk_register ADD CONSTRAINT test_refused_case CHECK (case_id <> '" + caseId
                + "')");
        try {
            append(WORKER, T0, report(caseId, "Kinh"));
            append(WORKER, T0.plus(Duration.ofMinutes(5)), new InitialAssessmentRecorded(caseId,
                    T0.plus(Duration.ofMinutes(5)), RiskLevel.HIGH, true, seal("child-r", "Vết bầm")));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(ADMIN + "/risk-register/dead-letters")
                    .get("parkedEvents").asLong()).isEqualTo(2));
            JsonNode parked = getJson(ADMIN + "/risk-register/dead-letters").get("items").get(0);
            assertThat(parked.get("errorMessage").asString()).contains("SQLSTATE 23514");

            // Retried before the fix: it fails again and stays parked, tried once more.
            JsonNode again = body(postAs(COORDINATOR.username(), ADMIN + "/risk-register/dead-letters/retry", ""));
            assertThat(again.get("casesCleared").asInt()).isZero();
            assertThat(again.get("parkedEventsAfter").asLong()).isEqualTo(2);
            JsonNode retried = getJson(ADMIN + "/risk-register/dead-letters").get("items").get(0);
            assertThat(Instant.parse(retried.get("lastAttemptAt").asString()))
                    .isAfter(Instant.parse(parked.get("lastAttemptAt").asString()));
        } finally {
            jdbc.execute("ALTER TABLE risk_register DROP CONSTRAINT test_refused_case");
        }

        HttpResponse<String> retry = postAs(COORDINATOR.username(), ADMIN + "/risk-register/dead-letters/retry", "");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode outcome = body(retry);
        assertThat(outcome.get("parkedEventsBefore").asLong()).isEqualTo(2);
        assertThat(outcome.get("casesCleared").asInt()).isEqualTo(1);
        assertThat(outcome.get("parkedEventsAfter").asLong()).isZero();
        assertThat(jdbc.queryForMap("SELECT version, risk_level, emergency FROM risk_register WHERE case_id = ?",
                caseId)).isEqualTo(Map.of("version", 2L, "risk_level", "HIGH", "emergency", true));
        JsonNode status = getJson(ADMIN + "/risk-register");
        assertThat(status.get("state").asString()).isEqualTo("LIVE");
        assertThat(status.get("parkedEvents").asLong()).isZero();
        assertThat(getJson(ADMIN + "/risk-register/dead-letters").get("items").values()).isEmpty();
    }

    /**
     * The case file applies a batch of events in memory and writes it once. Here the handler of one event fails
     * half-way through its change (a withdrawn transfer without its reason, as a defective writer could have stored
     * it: the transfer is already listed and the pending one cleared when the reason is read), in the middle of a
     * batch of other cases' events. Ordered last: the event parked here stays parked.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_poison_event_in_the_middle_of_a_batch_leaves_every_other_case_of_the_batch_exactly_right() {
        EncryptedText sealed = seal("child-batch", "Lý do");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(newId("batch"));
        }
        String poisoned = ids.get(10);
        // One commit, events interleaved case by case, so the poison sits among the others' events.
        List<EventMessage<?>> events = new ArrayList<>();
        ids.forEach(id -> events.add(message(id, 0, report(id, "Mường"))));
        ids.forEach(id -> events.add(message(id, 1, new TransferRequested(id, T0.plusSeconds(60), COMMUNE,
                "313-an-thai", sealed))));
        ids.forEach(id -> events.add(message(id, 2, new TransferWithdrawn(id, T0.plusSeconds(120), COMMUNE,
                "313-an-thai", id.equals(poisoned) ? null : TransferWithdrawalReason.WITHDRAWN_BY_SENDER, null))));
        ids.forEach(id -> events.add(message(id, 3, new InitialAssessmentRecorded(id, T0.plusSeconds(180),
                RiskLevel.LOW, false, sealed))));
        eventStore.publish(events);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(ADMIN + "/case-file").get("lag").asLong())
                .isZero());
        for (String id : ids) {
            JsonNode doc = json.readTree(jdbc.queryForObject("SELECT doc FROM case_file WHERE case_id = ?",
                    String.class, id));
            if (id.equals(poisoned)) {
                // As it was before the poison: the request still pending, no transfer listed, nothing later.
                assertThat(doc.get("version").asLong()).isEqualTo(2);
                assertThat(doc.get("status").asString()).isEqualTo("REPORTED");
                assertThat(doc.get("pendingTransfer").get("toCommuneCode").asString()).isEqualTo("313-an-thai");
                assertThat(doc.get("transfers").values()).isEmpty();
                assertThat(doc.get("initialAssessment").isNull()).isTrue();
                continue;
            }
            assertThat(doc.get("version").asLong()).as(id).isEqualTo(4);
            assertThat(doc.get("status").asString()).isEqualTo("INITIALLY_ASSESSED");
            assertThat(doc.get("riskLevel").asString()).isEqualTo("LOW");
            assertThat(doc.get("pendingTransfer").isNull()).isTrue();
            assertThat(doc.get("transfers").values()).hasSize(1);
            JsonNode transfer = doc.get("transfers").get(0);
            assertThat(transfer.get("outcome").asString()).isEqualTo("WITHDRAWN");
            assertThat(transfer.get("withdrawalReason").asString()).isEqualTo("WITHDRAWN_BY_SENDER");
            assertThat(transfer.get("requestedAt").asString()).isEqualTo(T0.plusSeconds(60).toString());
            assertThat(doc.get("initialAssessment").get("riskLevel").asString()).isEqualTo("LOW");
        }
        List<JsonNode> parked = new ArrayList<>();
        getJson(ADMIN + "/case-file/dead-letters").get("items").values().forEach(parked::add);
        List<JsonNode> ofPoisoned = parked.stream()
                .filter(item -> item.get("caseId").asString().equals(poisoned)).toList();
        assertThat(ofPoisoned).hasSize(2);
        assertThat(ofPoisoned.get(0).get("eventType").asString()).isEqualTo("TransferWithdrawn");
        assertThat(ofPoisoned.get(0).get("reason").asString()).isEqualTo("PARKED");
        assertThat(ofPoisoned.get(0).get("errorClass").asString()).isEqualTo("java.lang.NullPointerException");
        assertThat(ofPoisoned.get(1).get("eventType").asString()).isEqualTo("InitialAssessmentRecorded");
        assertThat(ofPoisoned.get(1).get("reason").asString()).isEqualTo("WAITING");
    }

    @Test
    void coordinators_and_auditors_read_parked_events_and_only_coordinators_retry_them() {
        assertThat(getAs("auditor", ADMIN + "/case-file/dead-letters").statusCode()).isEqualTo(200);
        assertRefused(getAs(WORKER.username(), ADMIN + "/case-file/dead-letters"), "role-not-allowed");
        assertRefused(getAs("dashboard", ADMIN + "/case-file/dead-letters"), "role-not-allowed");
        assertRefused(postAs("auditor", ADMIN + "/case-file/dead-letters/retry", ""), "role-not-allowed");
        assertRefused(postAs(HEALTH.username(), ADMIN + "/case-file/dead-letters/retry", ""), "role-not-allowed");
        HttpResponse<String> unknown = get(ADMIN + "/no-such-projection/dead-letters");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> unknownRetry = postAs(COORDINATOR.username(),
                ADMIN + "/no-such-projection/dead-letters/retry", "");
        assertThat(unknownRetry.statusCode()).isEqualTo(404);
    }

    // ---- helpers ----

    /**
     * Inserts a report straight into the event table, as a row the command side would have written, but with
     * {@code "ethnicity": "Kinh\u0000"}; the hash chain's trigger links it like any other. Answers its global index.
     */
    private long insertRawReportWithNulInEthnicity(String caseId) {
        Serializer serializer = axon.eventSerializer();
        SerializedObject<byte[]> payload = serializer.serialize(report(caseId, "Kinh"), byte[].class);
        String json = new String(payload.getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"ethnicity\":\"Kinh\"");
        byte[] poisoned = json.replace("\"ethnicity\":\"Kinh\"", "\"ethnicity\":\"Kinh\\u0000\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] metaData = serializer.serialize(MetaData.from(Map.of(ActorMetaData.USER, WORKER.username(),
                ActorMetaData.ORG_UNIT, WORKER.orgUnit(), ActorMetaData.ROLE, WORKER.role().name())),
                byte[].class).getData();
        String eventId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "payload_type, payload_revision, payload, meta_data, time_stamp) "
                        + "VALUES (?, ?, 0, 'CaseFile', ?, ?, ?, ?, ?)", eventId, caseId,
                payload.getType().getName(), payload.getType().getRevision(), poisoned, metaData,
                DateTimeUtils.formatInstant(T0));
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }

    private CaseReported report(String caseId, String ethnicity) {
        EncryptedText sealed = seal("child-" + caseId, "Nguyễn Văn Thử");
        return new CaseReported(caseId, "child-" + caseId, T0, COMMUNE, "313-tt-an-lao", CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY,
                Set.of(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE), Sex.MALE, 8, false, ethnicity, sealed, sealed,
                sealed, false, sealed, sealed);
    }

    /**
     * New cases, each reported and initially assessed, appended in one batch.
     */
    private List<String> appendCases(int count) {
        EncryptedText sealed = seal("child-flow", "Ghi chú");
        List<EventMessage<?>> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = newId("flow");
            ids.add(caseId);
            batch.add(message(caseId, 0, report(caseId, "Tày")));
            batch.add(message(caseId, 1, new InitialAssessmentRecorded(caseId, T0.plus(Duration.ofMinutes(1)),
                    RiskLevel.MEDIUM, false, sealed)));
        }
        eventStore.publish(batch);
        return ids;
    }

    private static EventMessage<?> message(String caseId, long sequenceNumber, CaseEvent event) {
        return new GenericDomainEventMessage<>("CaseFile", caseId, sequenceNumber, event,
                Map.of(ActorMetaData.USER, WORKER.username(), ActorMetaData.ORG_UNIT, WORKER.orgUnit(),
                        ActorMetaData.ROLE, WORKER.role().name()), UUID.randomUUID().toString(), T0);
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private JsonNode awaitRebuildFinished(String name) {
        await().atMost(REBUILD_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode rebuild = getJson(ADMIN + "/" + name).get("rebuild");
            return rebuild != null && !rebuild.isNull()
                    && List.of("DONE", "PARKED", "FAILED").contains(rebuild.get("state").asString());
        });
        return getJson(ADMIN + "/" + name).get("rebuild");
    }
}
