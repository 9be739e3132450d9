package vn.childprotection.casetracker.query.access;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the access rules need to know of one case, and nothing more: who runs it, who is about to, and who works on
 * it. Read from the case file document (<i>hồ sơ vụ việc</i>) as stored, without opening any personal field.
 *
 * @param communeCode       the commune that runs the case now
 * @param pendingTransferTo the commune a transfer waits for, or null: it reads the case so it can decide. Null on a
 *                          closed case even if a request was left pending (closings recorded before a closing
 *                          withdrew the request): a closed case is handed to no one
 * @param open              false once closed (a closed case is no one's work; it stays with its commune)
 * @param assignedOrgUnits  the org units (agencies, sometimes communes) an intervention of the case's current plan
 *                          is assigned to: those with a status, i.e. approved or carried over with the status its
 *                          agency reported; an intervention only drafted is not assigned yet
 * @param childId           the child, whose key seals the case's free text
 * @param identityErased    whether the child's identity was erased (nothing personal can be opened any more)
 */
public record CaseReach(String caseId, String communeCode, String pendingTransferTo, boolean open,
                        Set<String> assignedOrgUnits, String childId, boolean identityErased) {

    public CaseReach {
        assignedOrgUnits = Set.copyOf(assignedOrgUnits);
    }

    public static CaseReach of(JsonNode doc) {
        Set<String> assigned = new TreeSet<>();
        JsonNode plan = doc.get("plan");
        if (plan != null && plan.isObject() && plan.get("interventions") != null) {
            for (JsonNode intervention : plan.get("interventions").values()) {
                if (present(intervention.get("status")) && present(intervention.get("agencyCode"))) {
                    assigned.add(intervention.get("agencyCode").asString());
                }
            }
        }
        JsonNode pending = doc.get("pendingTransfer");
        JsonNode child = doc.get("child");
        boolean open = !"CLOSED".equals(doc.get("status").asString());
        return new CaseReach(doc.get("caseId").asString(), doc.get("communeCode").asString(),
                open && pending != null && pending.isObject() ? pending.get("toCommuneCode").asString() : null,
                open, assigned,
                child != null && present(child.get("childId")) ? child.get("childId").asString() : null,
                present(doc.get("identityErasedAt")));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
