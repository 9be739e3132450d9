package vn.childprotection.casetracker.local.bench;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.local.bench.CaseTemplate.PendingDeadline;
import vn.childprotection.casetracker.local.bench.CaseTemplate.StoredEvent;
import vn.childprotection.casetracker.platform.crypto.ChildKeyStore;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.values.EncryptedText;

/**
 * Reads the cases present in the store, once, as templates: their serialized events, the plain text of their
 * sealed values, and which of their time limits still wait on a schedule. A case whose sealed values do not open
 * (its child was erased) is no template.
 */
final class CaseTemplates {

    private static final int CHUNK = 500;
    private static final String EVENTS = "SELECT aggregate_identifier, sequence_number, event_identifier, type, "
            + "payload_type, payload_revision, payload, meta_data, time_stamp FROM domain_event_entry "
            + "WHERE aggregate_identifier = ANY(?) ORDER BY aggregate_identifier, sequence_number";

    private CaseTemplates() {
    }

    /** How many cases the store holds: its reports ({@link CaseReported}). */
    static long countCases(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?",
                Long.class, CaseReported.class.getName());
        return count == null ? 0 : count;
    }

    /**
     * @param max at most this many templates, the earliest reported first
     * @return the templates, in the order of their reports; cases that cannot be templates are left out
     */
    static List<CaseTemplate> load(JdbcTemplate jdbc, ChildKeyStore childKeys, JsonMapper json, int max) {
        List<String> caseIds = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = ? ORDER BY global_index LIMIT ?", String.class, CaseReported.class.getName(),
                max);
        Map<String, Instant> waiting = new HashMap<>();
        jdbc.query("SELECT task_instance, execution_time FROM scheduled_tasks "
                + "WHERE NOT picked AND execution_time > now() + interval '1 minute'",
                rs -> {
                    waiting.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        List<CaseTemplate> templates = new ArrayList<>(caseIds.size());
        for (int from = 0; from < caseIds.size(); from += CHUNK) {
            List<String> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + CHUNK));
            Map<String, List<StoredEvent>> events = new LinkedHashMap<>();
            Map<String, String> types = new HashMap<>();
            jdbc.query(con -> {
                var statement = con.prepareStatement(EVENTS);
                Array ids = con.createArrayOf("varchar", chunk.toArray());
                statement.setArray(1, ids);
                return statement;
            }, rs -> {
                String caseId = rs.getString(1);
                types.put(caseId, rs.getString(4));
                events.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new StoredEvent(rs.getString(3),
                        rs.getLong(2), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8),
                        Instant.parse(rs.getString(9))));
            });
            List<Draft> drafts = new ArrayList<>(chunk.size());
            Set<String> keyIds = new HashSet<>();
            for (String caseId : chunk) {
                List<StoredEvent> caseEvents = events.get(caseId);
                if (caseEvents != null) {
                    Draft draft = draft(caseId, types.get(caseId), caseEvents, waiting, json);
                    drafts.add(draft);
                    draft.sealed().forEach(text -> keyIds.add(text.keyId()));
                }
            }
            Map<String, SecretKey> keys = childKeys.findAll(keyIds);
            drafts.forEach(draft -> draft.open(keys).ifPresent(templates::add));
        }
        return templates;
    }

    /** A case read, its sealed values not opened yet. */
    private record Draft(String caseId, String type, List<StoredEvent> events, List<EncryptedText> sealed,
                         List<PendingDeadline> deadlines) {

        /** @return the template, or empty when a sealed value has no key (the child was erased) */
        Optional<CaseTemplate> open(Map<String, SecretKey> keys) {
            Set<String> keyIds = new LinkedHashSet<>();
            Map<String, String> plainTexts = new HashMap<>();
            for (EncryptedText text : sealed) {
                SecretKey key = keys.get(text.keyId());
                if (key == null) {
                    return Optional.empty();
                }
                keyIds.add(text.keyId().toLowerCase());
                plainTexts.put(text.cipherText(), PersonalDataCipher.open(key, text));
            }
            return Optional.of(new CaseTemplate(caseId, type, List.copyOf(events), keyIds, plainTexts, deadlines));
        }
    }

    private static Draft draft(String caseId, String type, List<StoredEvent> events, Map<String, Instant> waiting,
                               JsonMapper json) {
        List<EncryptedText> sealed = new ArrayList<>();
        List<PendingDeadline> deadlines = new ArrayList<>();
        for (StoredEvent event : events) {
            JsonNode payload = json.readTree(event.payload());
            List<JsonNode> values = new ArrayList<>();
            collectSealed(payload, values);
            for (JsonNode value : values) {
                sealed.add(new EncryptedText(value.get("keyId").stringValue(), value.get("cipherText").stringValue()));
            }
            if (event.payloadType().equals(DeadlineScheduled.class.getName())) {
                String scheduleId = payload.path("scheduleId").asString(null);
                if (scheduleId != null && waiting.containsKey(scheduleId)) {
                    deadlines.add(new PendingDeadline(scheduleId, payload.get("deadlineId").stringValue(),
                            waiting.get(scheduleId)));
                }
            }
        }
        return new Draft(caseId, type, events, sealed, deadlines);
    }

    private static void collectSealed(JsonNode node, List<JsonNode> sealed) {
        if (node.isObject() && CloneIds.isSealed(node)) {
            sealed.add(node);
        } else if (node.isContainer()) {
            node.values().forEach(child -> collectSealed(child, sealed));
        }
    }
}
