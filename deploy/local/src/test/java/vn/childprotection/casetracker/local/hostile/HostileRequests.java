package vn.childprotection.casetracker.local.hostile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.local.hostile.ApiOperation.Field;
import vn.childprotection.casetracker.local.hostile.ApiOperation.Parameter;

/**
 * The valid request of each operation (who sends it, its path values, required query parameters and body) and
 * the catalogue of every mutation of every operation.
 */
final class HostileRequests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private HostileRequests() {
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /** Every mutation of every operation, in the document's order. */
    static List<Mutation> catalogue(List<ApiOperation> operations) {
        List<Mutation> all = new ArrayList<>();
        for (ApiOperation op : operations) {
            for (Field field : op.fields()) {
                all.addAll(FieldMutations.of(op, field));
            }
            all.addAll(RequestMutations.of(op));
        }
        return all;
    }

    /** The key of a prepared valid body (JSON text) among the path values, when the schema cannot make one. */
    static final String BODY = "(body)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The user whose role may make the operation's valid request (demo users of README.md), so that a 403 never
     * hides a missing check.
     */
    static String user(ApiOperation op) {
        String path = op.path();
        if (op.method().equals("GET")) {
            if (path.startsWith("/api/v1/statistics/")) {
                return "dashboard.haiphong";
            }
            if (path.startsWith("/api/v1/access-log") || path.startsWith("/api/v1/break-the-glass/")) {
                return "auditor.haiphong";
            }
            return "coordinator.haiphong";
        }
        if (path.startsWith("/api/v1/break-the-glass/")) {
            return "auditor.haiphong";
        }
        if (path.startsWith("/api/v1/admin/") || path.endsWith("/reassignment") || path.endsWith("/break-the-glass")
                || path.endsWith("/successor-commune")) {
            return "coordinator.haiphong";
        }
        if (path.endsWith("/status")) {
            return "police.xaanlao";
        }
        if (path.endsWith("/transfer/decision")) {
            return "worker.31-xa-an-hung";
        }
        if (path.endsWith("/emergency-measures") || path.endsWith("/plan/approval") || path.endsWith("/closure")
                || path.endsWith("/erasure")) {
            return CaseFixtures.CHAIR;
        }
        return CaseFixtures.WORKER;
    }

    /** The valid request: path values from the fixture, required query parameters, the body from the schema. */
    static RequestDraft valid(ApiOperation op, Map<String, String> pathValues) {
        RequestDraft draft = new RequestDraft(op, user(op));
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                draft.pathValues.put(p.name(), pathValues.get(p.name()));
            } else if (p.in().equals("query") && p.required()) {
                draft.query.put(p.name(), List.of(validQueryValue(op, p)));
            }
        }
        if (op.body() != null) {
            draft.body = pathValues.containsKey(BODY) ? JSON.readValue(pathValues.get(BODY), Object.class)
                    : Schemas.validObject(op.body(), today());
        }
        return draft;
    }

    private static String validQueryValue(ApiOperation op, Parameter p) {
        return switch (p.name()) {
            case "orgUnit" -> op.path().startsWith("/api/v1/targets") ? CaseFixtures.COMMUNE : "31";
            case "from" -> "2025-01-01";
            case "to" -> "2025-12-31";
            case "asOf" -> Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
            case "commune" -> CaseFixtures.COMMUNE;
            case "agency" -> "31-xa-an-lao-police";
            default -> throw new IllegalStateException("no valid value known for required " + p.name() + " of "
                    + op.label());
        };
    }

    /**
     * Sets a field of the body, with what a valid request would then need beside it: an exact birth date replaces
     * the age; a reporter's identity comes with the consent to record it.
     */
    @SuppressWarnings("unchecked")
    static void setField(RequestDraft draft, Field field, Object value) {
        Object parent = JsonText.get(draft.body, field.path().subList(0, field.path().size() - 1));
        if (parent instanceof Map<?, ?> map) {
            if (field.key().equals("birthDate")) {
                map.remove("ageYears");
            }
            if (field.key().equals("identity")) {
                ((Map<String, Object>) map).put("consentToRecordIdentity", true);
            }
        }
        JsonText.set(draft.body, field.path(), value, false);
    }
}
