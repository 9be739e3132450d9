package vn.childprotection.casetracker.query.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionStatus;

class AuditTrailTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-07-01T01:00:00Z");
    private static final List<String> COLUMNS = List.of("eventId", "caseId", "sequenceNumber", "action",
            "recordedAt", "occurredAt", "userId", "orgUnit", "role", "agencyCode", "interventionId", "deadlineRule",
            "summary");

    @Test
    void each_entry_says_who_did_what_to_which_case_and_when() {
        String caseId = appendCase();
        List<JsonNode> items = awaitEntries(caseId);

        assertThat(items).extracting(i -> i.get("action").asString()).containsExactly("CaseReported",
                "InitialAssessmentRecorded", "EmergencyMeasuresTaken", "DetailedAssessmentRecorded",
                "SupportPlanDrafted", "SupportPlanApproved", "InterventionStatusChanged", "CaseReviewed",
                "DeadlineScheduled", "DeadlineMissed", "InterventionStatusChanged", "DeadlineFulfilled");
        assertThat(items).extracting(i -> i.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("caseId").asString()).isEqualTo(caseId);
            assertThat(i.get("eventId").asString()).isNotBlank();
        });

        JsonNode report = items.get(0);
        assertThat(report.get("userId").asString()).isEqualTo("worker.anlao");
        assertThat(report.get("orgUnit").asString()).isEqualTo("313-tt-an-lao");
        assertThat(report.get("role").asString()).isEqualTo("COMMUNE_WORKER");
        assertThat(report.get("recordedAt").asString()).isEqualTo("2025-07-01T01:00:00Z");
        assertThat(report.get("occurredAt").asString()).isEqualTo("2025-07-01T01:00:00Z");
        assertThat(report.get("agencyCode").isNull()).isTrue();
        assertThat(report.get("summary").asString()).isEqualTo("reported in 313-an-tho: ABUSED via HOTLINE_111");

        JsonNode progress = items.get(6);
        assertThat(progress.get("userId").asString()).isEqualTo("health");
        assertThat(progress.get("orgUnit").asString()).isEqualTo("313-health-centre");
        assertThat(progress.get("role").asString()).isEqualTo("AGENCY_STAFF");
        assertThat(progress.get("agencyCode").asString()).isEqualTo("313-health-centre");
        assertThat(progress.get("interventionId").asString()).isEqualTo("i-1");
        assertThat(progress.get("summary").asString()).isEqualTo("ASSIGNED → IN_PROGRESS");

        JsonNode scheduled = items.get(8);
        assertThat(scheduled.get("userId").asString()).isEqualTo("chair.anlao");
        assertThat(scheduled.get("deadlineRule").asString()).isEqualTo("INTERVENTION_DUE");
        assertThat(scheduled.get("agencyCode").asString()).isEqualTo("313-health-centre");
        assertThat(scheduled.get("summary").asString()).isEqualTo("due 2025-07-20T17:00:00Z");

        JsonNode missed = items.get(9);
        assertThat(missed.get("userId").asString()).isEqualTo("system");
        assertThat(missed.get("role").asString()).isEqualTo("SYSTEM");
        assertThat(missed.get("orgUnit").asString()).isEqualTo("313-health-centre");
        assertThat(missed.get("summary").asString()).isEqualTo("missed, due 2025-07-20T17:00:00Z");

        JsonNode fulfilled = items.get(11);
        assertThat(fulfilled.get("agencyCode").asString()).isEqualTo("313-health-centre");
        assertThat(fulfilled.get("interventionId").asString()).isEqualTo("i-1");
        assertThat(fulfilled.get("deadlineRule").asString()).isEqualTo("INTERVENTION_DUE");
        assertThat(fulfilled.get("summary").asString()).isEqualTo("fulfilled late");
        // Recorded at the same instant as the completion before it: the store's order decides.
        assertThat(fulfilled.get("recordedAt").asString()).isEqualTo(items.get(10).get("recordedAt").asString());
        assertThat(items.get(10).get("summary").asString()).isEqualTo("IN_PROGRESS → COMPLETED");
        assertThat(items.get(2).get("summary").asString())
                .isEqualTo("TEMPORARY_REMOVAL, SAFE_PLACE; removal 2025-03-03 to 2025-03-17");
    }

    @Test
    void consents_and_an_erasure_are_summarised_from_their_codes() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-tho", T0));
        append(WORKER, T0.plusSeconds(60), new DisclosureConsentRecorded(caseId, T0.plusSeconds(60),
                ConsentParty.CHILD, ConsentStatus.WITHDRAWN));
        append(COORDINATOR, T0.plusSeconds(120), new ChildIdentityErased(caseId, T0.plusSeconds(120), childId,
                "PDP_2025_ART_16", "QĐ-15/2025"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/audit-trail?caseId=" + caseId)
                .get("items").size()).isEqualTo(3));
        List<JsonNode> items = getJson("/api/v1/audit-trail?caseId=" + caseId).get("items").values().stream().toList();
        assertThat(items.get(1).get("action").asString()).isEqualTo("DisclosureConsentRecorded");
        assertThat(items.get(1).get("summary").asString()).isEqualTo("consent to disclosure, CHILD: WITHDRAWN");
        assertThat(items.get(2).get("action").asString()).isEqualTo("ChildIdentityErased");
        assertThat(items.get(2).get("userId").asString()).isEqualTo("coordinator");
        assertThat(items.get(2).get("summary").asString())
                .isEqualTo("identity erased: PDP_2025_ART_16, authorised by QĐ-15/2025");
        assertThat(getJson("/api/v1/audit-trail?action=ChildIdentityErased&caseId=" + caseId).get("items")
                .size()).isEqualTo(1);
    }

    @Test
    void nothing_personal_is_stored_or_answered() {
        String caseId = appendCase();
        awaitEntries(caseId);
        String stored = String.join("\n", jdbc.queryForList(
                "SELECT concat_ws('|', summary, agency_code, intervention_id, user_id) FROM audit_entry "
                        + "WHERE case_id = ?", String.class, caseId));
        String answered = get("/api/v1/audit-trail?caseId=" + caseId).body();
        for (String text : List.of(stored, answered)) {
            assertThat(text).doesNotContain("cipherText").doesNotContain("keyId");
            for (String plain : procedurePlainTexts()) {
                assertThat(text).doesNotContain(plain);
            }
        }
    }

    @Test
    void the_trail_is_filtered_by_agency_user_action_and_time() {
        String caseId = appendCase();
        awaitEntries(caseId);
        String ofCase = "/api/v1/audit-trail?caseId=" + caseId;

        assertThat(actions(getJson(ofCase + "&agency=313-health-centre"))).containsExactly(
                "InterventionStatusChanged", "DeadlineScheduled", "DeadlineMissed", "InterventionStatusChanged",
                "DeadlineFulfilled");
        assertThat(actions(getJson(ofCase + "&user=chair.anlao"))).containsExactly("EmergencyMeasuresTaken",
                "SupportPlanApproved", "DeadlineScheduled");
        assertThat(actions(getJson(ofCase + "&user=system"))).containsExactly("DeadlineMissed");
        assertThat(actions(getJson(ofCase + "&action=DeadlineMissed"))).containsExactly("DeadlineMissed");
        JsonNode window = getJson(ofCase + "&from=2025-07-01T03:00:00Z&to=2025-07-01T06:00:00Z");
        assertThat(actions(window)).containsExactly("EmergencyMeasuresTaken", "DetailedAssessmentRecorded",
                "SupportPlanDrafted");
        assertThat(window.get("next").isNull()).isTrue();

        JsonNode byAgency = getJson("/api/v1/audit-trail?agency=313-health-centre&limit=1000");
        assertThat(byAgency.get("items").values()).allSatisfy(i -> assertThat(
                List.of(text(i.get("agencyCode")), text(i.get("orgUnit")))).contains("313-health-centre"));
        JsonNode byAction = getJson("/api/v1/audit-trail?action=DeadlineMissed&limit=1000");
        assertThat(byAction.get("items").values()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("action").asString()).isEqualTo("DeadlineMissed"));
        List<String> recorded = getJson("/api/v1/audit-trail?limit=1000").get("items").values().stream()
                .map(i -> i.get("recordedAt").asString()).toList();
        assertThat(recorded.stream().map(Instant::parse).toList()).isSorted();
    }

    @Test
    void pages_give_every_entry_once_in_order_for_a_case_an_agency_and_the_whole_trail() {
        String caseId = appendCase();
        String other = appendCase();
        List<String> all = ids(awaitEntries(caseId));
        awaitEntries(other);
        String ofCase = "/api/v1/audit-trail?caseId=" + caseId;

        JsonNode first = getJson(ofCase + "&limit=5");
        assertThat(first.get("items").size()).isEqualTo(5);
        assertThat(first.get("next").asString()).startsWith(ofCase + "&limit=5&cursor=");
        assertThat(ids(PageWalk.rows(this::getJson, ofCase + "&limit=5", "items"))).containsExactlyElementsOf(all);
        assertThat(PageWalk.pages(this::getJson, ofCase + "&limit=4")).hasSize(3);

        // The agency matches two columns: each page merges a page of each column's index.
        String byAgency = "/api/v1/audit-trail?agency=313-health-centre";
        List<String> wholeByAgency = ids(getJson(byAgency + "&limit=1000").get("items").values().stream().toList());
        assertThat(wholeByAgency).hasSizeGreaterThan(2 * 5);
        assertThat(ids(PageWalk.rows(this::getJson, byAgency + "&limit=3", "items")))
                .doesNotHaveDuplicates().containsExactlyElementsOf(wholeByAgency);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE agency_code = ? OR org_unit = ?",
                Long.class, "313-health-centre", "313-health-centre")).isEqualTo(wholeByAgency.size());

        assertThat(ids(PageWalk.rows(this::getJson, "/api/v1/audit-trail?limit=50", "items")))
                .containsExactlyElementsOf(jdbc.queryForList("SELECT event_id FROM audit_entry"
                        + " ORDER BY recorded_at, global_index NULLS LAST, event_id", String.class));
    }

    @Test
    void an_entry_without_a_store_position_comes_after_those_recorded_at_the_same_instant_on_every_page() {
        String caseId = newId("case");
        Instant at = Instant.parse("2025-07-03T04:00:00Z");
        for (int i = 0; i < 5; i++) {
            jdbc.update("""
                    INSERT INTO audit_entry (event_id, global_index, case_id, sequence_number, action, recorded_at,
                                             user_id, org_unit, role, summary)
                    VALUES (?, ?, ?, ?, 'CaseReviewed', ?, 'worker.anlao', '313-tt-an-lao', 'COMMUNE_WORKER', 'x')""",
                    "e-" + (4 - i), i % 2 == 0 ? null : (Object) (900_000_000L - i), caseId, i,
                    at.atOffset(java.time.ZoneOffset.UTC));
        }
        String ofCase = "/api/v1/audit-trail?caseId=" + caseId;
        // e-1 (position 899999997), e-3 (899999999), then e-0, e-2, e-4 (no position) by event id.
        assertThat(ids(PageWalk.rows(this::getJson, ofCase + "&limit=2", "items")))
                .containsExactly("e-1", "e-3", "e-0", "e-2", "e-4");
    }

    @Test
    void as_csv_the_trail_has_a_header_row_and_every_matching_entry_as_in_json() {
        String caseId = appendCase();
        List<JsonNode> items = awaitEntries(caseId);

        HttpResponse<String> csv = get("/api/v1/audit-trail?caseId=" + caseId + "&format=csv&size=1");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""))
                .isEqualTo("text/csv;charset=utf-8");
        assertThat(csv.headers().firstValue("X-Total-Count")).contains("12");
        assertThat(csv.headers().firstValue("X-Truncated")).isEmpty();
        assertThat(csv.body()).contains("\"TEMPORARY_REMOVAL, SAFE_PLACE; removal 2025-03-03 to 2025-03-17\"");

        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactlyElementsOf(COLUMNS);
        assertThat(rows).hasSize(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            List<String> expected = COLUMNS.stream().map(column -> text(item.get(column))).toList();
            assertThat(rows.get(i + 1)).as("row %d", i + 1).containsExactlyElementsOf(expected);
        }

        HttpResponse<String> accepted = getAccepting("text/csv", "/api/v1/audit-trail?caseId=" + caseId);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(accepted.body()).isEqualTo(csv.body());

        HttpResponse<String> refused = getAccepting("text/csv", "/api/v1/audit-trail?action=NoSuchEvent");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("action");
    }

    @Test
    void an_unknown_action_or_agency_a_bad_page_or_window_is_a_400_problem() {
        assertBadRequest("/api/v1/audit-trail?action=NoSuchEvent", "action");
        assertBadRequest("/api/v1/audit-trail?action=deadlinemissed", "action");
        assertBadRequest("/api/v1/audit-trail?agency=no-such-unit", "agency");
        assertBadRequest("/api/v1/audit-trail?limit=0", "limit");
        assertBadRequest("/api/v1/audit-trail?limit=1001", "limit");
        assertBadRequest("/api/v1/audit-trail?limit=ten", "limit");
        assertBadRequest("/api/v1/audit-trail?cursor=AQAB", "cursor");
        assertBadRequest("/api/v1/audit-trail?page=0", "page");
        assertBadRequest("/api/v1/audit-trail?size=50", "size");
        assertBadRequest("/api/v1/audit-trail?from=yesterday", "from");
        assertBadRequest("/api/v1/audit-trail?from=2025-07-02T00:00:00Z&to=2025-07-01T00:00:00Z", "to");
        assertBadRequest("/api/v1/audit-trail?format=xml", "format");
        assertBadRequest("/api/v1/audit-trail?format=csv&action=NoSuchEvent", "action");
        assertThat(get("/api/v1/audit-trail?limit=1000&action=TransferDeclined").statusCode()).isEqualTo(200);
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }

    /**
     * The procedure up to a first review (8 events, one an hour from T0), then the health centre's deadline for
     * i-1: scheduled, missed (by the service), and fulfilled late with the completion, recorded at the same instant.
     */
    private String appendCase() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-an-tho", T0);
        Instant due = Instant.parse("2025-07-20T17:00:00Z");
        Instant completed = Instant.parse("2025-07-22T03:00:00Z");
        append(CHAIR, T0.plus(hours(8)), scheduled(caseId, T0.plus(hours(5)), "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, due, "313-health-centre", "i-1"));
        appendBySystem("313-health-centre", due.plusSeconds(2), new DeadlineMissed(caseId, due,
                "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE, due, "313-health-centre", "i-1"));
        append(HEALTH, completed, new InterventionStatusChanged(caseId, completed, "i-1", "313-health-centre",
                InterventionStatus.IN_PROGRESS, InterventionStatus.COMPLETED, null));
        append(HEALTH, completed, new DeadlineFulfilled(caseId, completed, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, "i-1", true));
        return caseId;
    }

    private List<JsonNode> awaitEntries(String caseId) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/audit-trail?caseId=" + caseId)
                .get("items").size()).isEqualTo(12));
        return getJson("/api/v1/audit-trail?caseId=" + caseId).get("items").values().stream().toList();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("eventId").asString()).toList();
    }

    private static List<String> actions(JsonNode page) {
        return page.get("items").values().stream().map(i -> i.get("action").asString()).toList();
    }

    /**
     * A JSON value as the CSV writes it: null as the empty string.
     */
    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asString();
    }

    /**
     * RFC 4180: fields separated by commas, records by CRLF, a quoted field may hold commas, quotes (doubled) and
     * line breaks.
     */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.toString()).as("the file ends with a line break").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
