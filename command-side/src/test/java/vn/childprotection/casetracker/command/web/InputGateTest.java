package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The strict input gate of the command side, over real HTTP (and raw sockets where a client library would refuse
 * to send the request), on a real PostgreSQL: every refusal is a 4xx problem+json and appends no event.
 */
class InputGateTest extends CommandHttpTest {

    private static final String WORKER = "worker.anlao";
    /** A valid report, serialised; each case below changes one piece of its text. */
    private static final String REPORT = json(withOccurredAt(CommandApiTest.report("Trần Thị Kiểm")));

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private static Map<String, Object> withOccurredAt(Map<String, Object> report) {
        Map<String, Object> copy = new LinkedHashMap<>(report);
        // Before the 2025 reform: Thị trấn An Lão, whose worker is WORKER.
        copy.put("communeCode", "313-tt-an-lao");
        copy.put("occurredAt", "2025-03-01T08:30:00Z");
        return copy;
    }

    @Test
    void the_valid_report_used_below_is_accepted() {
        assertThat(api.post("/api/v1/cases", WORKER, REPORT).status()).isEqualTo(201);
    }

    @Test
    void an_ethnicity_holding_a_nul_character_is_refused_and_nothing_is_stored() {
        long before = eventCount();
        String poisoned = REPORT.replace("\"ethnicity\":\"Kinh\"", "\"ethnicity\":\"Kinh\\u0000\"");
        assertThat(poisoned).contains("Kinh\\u0000");

        Response refused = api.post("/api/v1/cases", "dashboard", poisoned);
        Response refusedForWorker = api.post("/api/v1/cases", WORKER, poisoned);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refusedForWorker.status()).isEqualTo(400);
        assertThat(refusedForWorker.isProblem()).isTrue();
        assertThat(refusedForWorker.json().get("errors").get(0).get("field").asString()).isEqualTo("child.ethnicity");
        assertThat(refusedForWorker.json().get("errors").get(0).get("problem").asString())
                .contains("control character (U+0000)");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_report_dated_a_billion_years_ago_is_refused_and_nothing_is_stored() {
        long before = eventCount();
        String poisoned = REPORT.replace("2025-03-01T08:30:00Z", "-1000000000-01-01T00:00:00Z");

        Response refused = api.post("/api/v1/cases", WORKER, poisoned);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(eventCount()).isEqualTo(before);
    }

    static Stream<Arguments> malformedReports() {
        return Stream.of(
                // text
                Arguments.of("carriage return in text", "\"Kinh\"", "\"Ki\\rnh\"", "child.ethnicity"),
                Arguments.of("escape character in encrypted text", "\"Trần Thị Kiểm\"", "\"Trần\\u001bThị\"",
                        "child.name"),
                Arguments.of("DEL in text", "\"Kinh\"", "\"Kinh\\u007f\"", "child.ethnicity"),
                Arguments.of("C1 control in text", "\"Kinh\"", "\"Kinh\\u0085\"", "child.ethnicity"),
                Arguments.of("unpaired high surrogate", "\"Kinh\"", "\"Kinh\\ud800\"", "child.ethnicity"),
                Arguments.of("unpaired low surrogate", "\"Kinh\"", "\"\\udc00Kinh\"", "child.ethnicity"),
                Arguments.of("non-character", "\"Kinh\"", "\"Kinh\\uffff\"", "child.ethnicity"),
                Arguments.of("non-character in a supplementary plane", "\"Kinh\"", "\"Kinh\\ud83f\\udffe\"",
                        "child.ethnicity"),
                Arguments.of("bidirectional override", "\"Kinh\"", "\"\\u202eKinh\"", "child.ethnicity"),
                Arguments.of("number for text", "\"Kinh\"", "5", "child.ethnicity"),
                Arguments.of("boolean for text", "\"Kinh\"", "true", "child.ethnicity"),
                // numbers, booleans, enums
                Arguments.of("string for a number", "\"sex\"", "\"ageYears\":\"9\",\"sex\"", "child.ageYears"),
                Arguments.of("fraction for an integer", "\"sex\"", "\"ageYears\":9.5,\"sex\"", "child.ageYears"),
                Arguments.of("fraction .0 for an integer", "\"sex\"", "\"ageYears\":9.0,\"sex\"", "child.ageYears"),
                Arguments.of("boolean for a number", "\"sex\"", "\"ageYears\":true,\"sex\"", "child.ageYears"),
                Arguments.of("number beyond an integer", "\"sex\"", "\"ageYears\":99999999999,\"sex\"",
                        "child.ageYears"),
                Arguments.of("65 characters where 64 fit", "\"Kinh\"", "\"" + "a".repeat(65) + "\"",
                        "child.ethnicity"),
                Arguments.of("number for an enum", "\"FEMALE\"", "0", "child.sex"),
                Arguments.of("empty string for an enum", "\"FEMALE\"", "\"\"", "child.sex"),
                Arguments.of("lower-case enum", "\"FEMALE\"", "\"female\"", "child.sex"),
                Arguments.of("enum with a space before it", "\"FEMALE\"", "\" FEMALE\"", "child.sex"),
                Arguments.of("enum with a space after it", "\"ABUSED\"", "\"ABUSED \"", "category"),
                Arguments.of("a set repeating an item", "[\"VIOLENCE\"]", "[\"VIOLENCE\",\"VIOLENCE\"]",
                        "abuseForms"),
                Arguments.of("string for a boolean", "\"consentToRecordIdentity\":true",
                        "\"consentToRecordIdentity\":\"true\"", "reporter.consentToRecordIdentity"),
                Arguments.of("number for a boolean", "\"consentToRecordIdentity\":true",
                        "\"consentToRecordIdentity\":1", "reporter.consentToRecordIdentity"),
                // instants
                Arguments.of("epoch seconds for an instant", "\"2025-03-01T08:30:00Z\"", "1740817800", "occurredAt"),
                Arguments.of("T24:00", "2025-03-01T08:30:00Z", "2025-03-01T24:00:00Z", "occurredAt"),
                Arguments.of("empty instant", "\"2025-03-01T08:30:00Z\"", "\"\"", "occurredAt"),
                Arguments.of("instant without offset", "2025-03-01T08:30:00Z", "2025-03-01T08:30:00", "occurredAt"),
                Arguments.of("instant before 2000", "2025-03-01T08:30:00Z", "1999-12-31T16:59:59Z", "occurredAt"),
                Arguments.of("instant in the future", "2025-03-01T08:30:00Z", "2099-01-01T00:00:00Z", "occurredAt"),
                Arguments.of("instant with a 5-digit year", "2025-03-01T08:30:00Z", "+12025-03-01T08:30:00Z",
                        "occurredAt"),
                Arguments.of("day that does not exist", "2025-03-01T08:30:00Z", "2025-02-30T08:30:00Z", "occurredAt"),
                // dates
                Arguments.of("date without leading zeros", "\"2016-02-03\"", "\"2016-2-3\"", "child.birthDate"),
                Arguments.of("number for a date", "\"2016-02-03\"", "20160203", "child.birthDate"),
                Arguments.of("empty date", "\"2016-02-03\"", "\"\"", "child.birthDate"),
                Arguments.of("date before 2000", "\"2016-02-03\"", "\"1999-12-31\"", "child.birthDate"),
                // JSON
                Arguments.of("duplicate key", "\"category\":\"ABUSED\"",
                        "\"category\":\"ABUSED\",\"category\":\"AT_RISK\"", "body"),
                Arguments.of("unknown field", "\"category\"", "\"extra\":1,\"category\"", "extra"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedReports")
    void a_malformed_report_is_refused_naming_the_field_and_nothing_is_stored(String kind, String from, String to,
                                                                             String field) {
        assertThat(REPORT).contains(from);
        String body = REPORT.replace(from, to);
        long before = eventCount();

        Response refused = api.post("/api/v1/cases", WORKER, body);

        assertThat(refused.status()).as(kind).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void events_stored_before_the_gate_still_read_back_because_axon_keeps_its_own_mapper() {
        String text = eventSerializer.deserialize(new SimpleSerializedObject<>(
                "\"Kinh\\u0000\"".getBytes(StandardCharsets.UTF_8), byte[].class, String.class.getName(), null));
        Instant longAgo = eventSerializer.deserialize(new SimpleSerializedObject<>(
                "\"-1000000000-01-01T00:00:00Z\"".getBytes(StandardCharsets.UTF_8), byte[].class,
                Instant.class.getName(), null));

        assertThat(text).isEqualTo("Kinh\u0000");
        assertThat(longAgo).isEqualTo(Instant.parse("-1000000000-01-01T00:00:00Z"));
    }

    @Test
    void text_is_stored_in_normalisation_form_c() {
        String decomposed = "Mu\u031Bo\u031B\u0300ng";
        String composed = "M\u01B0\u1EDDng";
        Response created = api.post("/api/v1/cases", WORKER,
                REPORT.replace("\"Kinh\"", "\"" + decomposed + "\""));

        assertThat(created.status()).isEqualTo(201);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, created.json().get("caseId").asString());
        assertThat(payload).contains("\"ethnicity\":\"" + composed + "\"").doesNotContain(decomposed);
    }

    @Test
    void lengths_are_counted_in_characters_not_utf16_units() {
        String sixtyFourSymbols = "\uD83C\uDF3E".repeat(64);
        assertThat(sixtyFourSymbols.length()).isEqualTo(128);

        Response created = api.post("/api/v1/cases", WORKER,
                REPORT.replace("\"Kinh\"", "\"" + sixtyFourSymbols + "\""));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void a_body_in_another_charset_or_type_is_415_and_malformed_utf8_is_400() {
        long before = eventCount();
        byte[] latin1 = REPORT.getBytes(StandardCharsets.ISO_8859_1);
        byte[] overlongSlash = REPORT.replace("Kinh", "Ki/nh").getBytes(StandardCharsets.UTF_8);
        int slash = indexOf(overlongSlash, (byte) '/');
        byte[] overlong = new byte[overlongSlash.length + 1];
        System.arraycopy(overlongSlash, 0, overlong, 0, slash);
        overlong[slash] = (byte) 0xC0;
        overlong[slash + 1] = (byte) 0xAF;
        System.arraycopy(overlongSlash, slash + 1, overlong, slash + 2, overlongSlash.length - slash - 1);

        Response otherCharset = api.postRaw("/api/v1/cases", WORKER, "application/json; charset=ISO-8859-1", latin1);
        Response wildcard = api.postRaw("/api/v1/cases", WORKER, "*/*", REPORT.getBytes(StandardCharsets.UTF_8));
        Response text = api.postRaw("/api/v1/cases", WORKER, "text/plain", REPORT.getBytes(StandardCharsets.UTF_8));
        Response badUtf8 = api.postRaw("/api/v1/cases", WORKER, "application/json", overlong);

        assertThat(List.of(otherCharset.status(), wildcard.status(), text.status())).containsOnly(415);
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(List.of(otherCharset, wildcard, text, badUtf8)).allMatch(Response::isProblem);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_control_character_in_a_header_path_or_query_is_refused() throws IOException {
        long before = eventCount();
        String auth = "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString((WORKER + ":" + WORKER).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        byte[] body = REPORT.getBytes(StandardCharsets.UTF_8);

        String header = raw("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "Idempotency-Key: key\u0001one\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + REPORT);
        String ifMatch = raw("POST /api/v1/cases/some-case/closure HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "If-Match: \"1\u0002\"\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");
        Response query = api.get("/api/v1/cases?x=a%00b", WORKER);
        Response badEscape = api.get("/api/v1/cases?x=%C0%AF", WORKER);

        assertThat(statusLine(header)).contains(" 400");
        assertThat(header).contains("application/problem+json");
        assertThat(statusLine(ifMatch)).contains(" 400");
        assertThat(ifMatch).contains("application/problem+json");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.isProblem()).isTrue();
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    static Stream<Arguments> refusedBeforeAnyController() {
        return Stream.of(
                Arguments.of("encoded slash", "GET /api/v1/cases/a%2Fb HTTP/1.1", "text/html"),
                Arguments.of("encoded dots", "GET /api/v1/cases/%2e%2e/x HTTP/1.1", "text/html"),
                Arguments.of("encoded NUL in the path", "GET /api/v1/cases/a%00b HTTP/1.1", "text/html"),
                Arguments.of("encoded backslash", "GET /api/v1/cases/a%5Cb HTTP/1.1", "*/*"),
                Arguments.of("semicolon", "GET /api/v1/cases/a;b HTTP/1.1", "text/html"),
                Arguments.of("double slash", "GET /api/v1//cases HTTP/1.1", "*/*"),
                Arguments.of("the error page itself", "GET /error HTTP/1.1", "text/html"),
                Arguments.of("unknown path", "GET /api/v1/nothing-here HTTP/1.1", "text/html"),
                Arguments.of("wrong method", "DELETE /api/v1/cases HTTP/1.1", "text/html"),
                Arguments.of("not acceptable", "GET /api/v1/org-units HTTP/1.1", "application/xml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBeforeAnyController")
    void a_request_refused_before_any_controller_is_a_4xx_problem(String kind, String requestLine, String accept)
            throws IOException {
        String auth = "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8)) + "\r\n";

        String answer = raw(requestLine + "\r\nHost: localhost\r\n" + auth + "Accept: " + accept
                + "\r\nConnection: close\r\n\r\n");

        String status = statusLine(answer);
        assertThat(status).as(kind).matches("HTTP/1\\.1 4\\d\\d.*");
        assertThat(answer.toLowerCase()).as(kind).contains("content-type: application/problem+json")
                .doesNotContain("<html").doesNotContain("exception");
    }

    @Test
    void the_dashboard_account_takes_no_step_at_all() {
        long before = eventCount();

        Response report = api.post("/api/v1/cases", "dashboard", REPORT);
        Response targets = api.put("/api/v1/targets/2025/communes/313-tt-an-lao", "dashboard", "{}");
        Response assessment = api.post("/api/v1/cases/any/initial-assessment", "dashboard",
                "{\"riskLevel\":\"HIGH\",\"emergency\":true}");

        assertThat(List.of(report.status(), targets.status(), assessment.status())).containsOnly(403);
        assertThat(List.of(report, targets, assessment)).allMatch(Response::isProblem)
                .allMatch(r -> r.json().get("rule").asString().equals("aggregates-only"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_step_on_another_communes_case_is_403_without_detail_before_any_procedure_rule() {
        Response created = api.post("/api/v1/cases", WORKER, REPORT);
        String caseId = created.json().get("caseId").asString();
        long before = eventCount();

        // Today these would meet a procedure rule first (no pending transfer, no approved plan) and say so.
        Response transfer = api.post("/api/v1/cases/" + caseId + "/transfer/decision", "worker.31-xa-an-hung",
                "{\"decision\":\"ACCEPT\"}");
        Response progress = api.post("/api/v1/cases/" + caseId + "/interventions/iv-1/status", "police",
                "{\"status\":\"ACCEPTED\"}");
        Response approval = api.post("/api/v1/cases/" + caseId + "/plan/approval", "chair.31-xa-an-hung",
                "{\"planVersion\":1}");
        // A wrong If-Match would otherwise answer 409 with the case's current version.
        Response conditional = api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.31-xa-an-hung",
                "{\"riskLevel\":\"HIGH\",\"emergency\":false}", Map.of("If-Match", "\"7\""));

        for (Response refused : List.of(transfer, progress, approval, conditional)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("rule").asString()).isEqualTo("role-not-allowed");
            assertThat(refused.body()).doesNotContain(caseId).doesNotContain("313-tt-an-lao")
                    .doesNotContain("transfer-").doesNotContain("iv-1").doesNotContain("currentVersion");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String statusLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
