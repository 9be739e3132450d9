package vn.childprotection.casetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * The commune a transfer request waits for reads the case only while the request waits: however the request ends
 * (withdrawn by closing, withdrawn by the requesting commune, accepted), its reach as the receiving commune ends too;
 * the case file and the audit trail say how it ended.
 */
class TransferEndingAccessTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-06-16T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String AN_THAI = "313-an-thai";
    private static final String CHILD_NAME = "Nguyễn Thị Test";

    /**
     * A case of An Lão with a transfer to An Thái waiting, which An Thái reads in full.
     */
    private String caseWithPendingTransfer(String childId) {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, childId, COMMUNE, T0));
        append(WORKER, T0.plusSeconds(60), new TransferRequested(caseId, T0.plusSeconds(60), COMMUNE, AN_THAI,
                seal(childId, "Gia đình chuyển về xã An Thái")));
        awaitCaseFile(caseId, 2);
        HttpResponse<String> pending = getAs("worker.anthai", "/api/v1/cases/" + caseId);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(body(pending).get("child").get("name").asString()).isEqualTo(CHILD_NAME);
        return caseId;
    }

    @Test
    void closing_withdraws_the_request_and_the_receiving_commune_no_longer_reads_the_case() {
        String childId = newId("child");
        String caseId = caseWithPendingTransfer(childId);
        Instant closedAt = T0.plusSeconds(120);
        append(CHAIR, closedAt, new TransferWithdrawn(caseId, closedAt, COMMUNE, AN_THAI,
                TransferWithdrawalReason.CASE_CLOSED, null));
        append(CHAIR, closedAt, new CaseClosed(caseId, closedAt, "MOVED_AWAY", null));
        JsonNode file = awaitCaseFile(caseId, 4);

        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history"), "outside-your-commune",
                caseId, CHILD_NAME);
        assertThat(file.get("pendingTransfer").isNull()).isTrue();
        JsonNode transfer = file.get("transfers").get(0);
        assertThat(transfer.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(transfer.get("withdrawalReason").asString()).isEqualTo("CASE_CLOSED");
        assertThat(transfer.get("toCommuneCode").asString()).isEqualTo(AN_THAI);
        assertThat(transfer.get("decidedAt").asString()).isEqualTo("2025-06-16T01:02:00Z");
        assertThat(transfer.get("reason").asString()).isEqualTo("Gia đình chuyển về xã An Thái");
        assertThat(getAs("worker.anlao", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
    }

    @Test
    void the_requesting_commune_withdraws_and_the_receiving_commune_no_longer_reads_the_case() {
        String childId = newId("child");
        String caseId = caseWithPendingTransfer(childId);
        append(WORKER, T0.plusSeconds(120), new TransferWithdrawn(caseId, T0.plusSeconds(120), COMMUNE, AN_THAI,
                TransferWithdrawalReason.WITHDRAWN_BY_SENDER, seal(childId, "Gia đình ở lại thị trấn")));
        JsonNode file = awaitCaseFile(caseId, 3);

        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
        JsonNode transfer = file.get("transfers").get(0);
        assertThat(transfer.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(transfer.get("withdrawalReason").asString()).isEqualTo("WITHDRAWN_BY_SENDER");
        assertThat(transfer.get("withdrawalExplanation").asString()).isEqualTo("Gia đình ở lại thị trấn");
        assertThat(transfer.get("transferredAt").isNull()).isTrue();

        String trail = "/api/v1/audit-trail?caseId=" + caseId;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(trail).get("items").size())
                .isEqualTo(3));
        List<JsonNode> items = getJson(trail).get("items").values().stream().toList();
        assertThat(items.get(2).get("action").asString()).isEqualTo("TransferWithdrawn");
        assertThat(items.get(2).get("summary").asString()).isEqualTo(
                "313-tt-an-lao → 313-an-thai withdrawn: WITHDRAWN_BY_SENDER (Xã đề nghị rút lại)");
        assertThat(getJson("/api/v1/audit-trail?action=TransferWithdrawn&caseId=" + caseId).get("items")
                .size()).isEqualTo(1);
    }

    @Test
    void a_request_left_pending_by_a_closing_recorded_before_withdrawals_gives_no_reach() {
        String childId = newId("child");
        String caseId = caseWithPendingTransfer(childId);
        append(CHAIR, T0.plusSeconds(120), new CaseClosed(caseId, T0.plusSeconds(120), "MOVED_AWAY", null));
        JsonNode file = awaitCaseFile(caseId, 3);

        assertThat(file.get("pendingTransfer").isObject()).isTrue();
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
    }

    @Test
    void once_accepted_the_case_is_the_receiving_communes_and_no_longer_the_senders() {
        String childId = newId("child");
        String caseId = caseWithPendingTransfer(childId);
        append(AN_THAI_WORKER, T0.plusSeconds(120), new CaseTransferred(caseId, T0.plusSeconds(120), COMMUNE,
                AN_THAI, null));
        JsonNode file = awaitCaseFile(caseId, 3);

        assertThat(file.get("communeCode").asString()).isEqualTo(AN_THAI);
        assertThat(file.get("transfers").get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertRefused(getAs("worker.anlao", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
    }
}
