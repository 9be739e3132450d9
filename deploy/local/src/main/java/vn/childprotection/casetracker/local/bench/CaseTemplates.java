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
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.local.bench.CaseTemplate.PendingDeadline;
import vn.childprotection.casetracker.local.bench.CaseTemplate.StoredEvent;
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
    static List<CaseTemplate> load(JdbcTemplate jdbc, PersonalDataCipher cipher, JsonMapper json, int max) {
        List<String> caseIds = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type = ? ORDER BY global_index LIMIT ?", String.class, CaseReported.class.getName(),
                max);
        Map<String, Instant> waiting = new HashMap<>();
        jdbc.query("SELECT task_instance, execution_time FROM scheduled_tasks "
                + "WHERE NOT picked AND execution_time > now() + interval '1 minute'",
                rs -> {
                    waiting.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        Function<EncryptedText, Optional<String>> opener = cipher.opener();
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
            for (String caseId : chunk) {
                List<StoredEvent> caseEvents = events.get(caseId);
                if (caseEvents != null) {
                    template(caseId, types.get(caseId), caseEvents, waiting, opener, json).ifPresent(templates::add);
                }
            }
        }
        return templates;
    }

    private static Optional<CaseTemplate> template(String caseId, String type, List<StoredEvent> events,
                                                   Map<String, Instant> waiting,
                                                   Function<EncryptedText, Optional<String>> opener,
                                                   JsonMapper json) {
        Set<String> keyIds = new LinkedHashSet<>();
        Map<String, String> plainTexts = new HashMap<>();
        List<PendingDeadline> deadlines = new ArrayList<>();
        for (StoredEvent event : events) {
            JsonNode payload = json.readTree(event.payload());
            List<JsonNode> sealed = new ArrayList<>();
            collectSealed(payload, sealed);
            for (JsonNode value : sealed) {
                EncryptedText text = new EncryptedText(value.get("keyId").stringValue(),
                        value.get("cipherText").stringValue());
                Optional<String> plain = opener.apply(text);
                if (plain.isEmpty()) {
                    return Optional.empty();
                }
                keyIds.add(text.keyId().toLowerCase());
                plainTexts.put(text.cipherText(), plain.get());
            }
            if (event.payloadType().equals(DeadlineScheduled.class.getName())) {
                String scheduleId = payload.path("scheduleId").asString(null);
                if (scheduleId != null && waiting.containsKey(scheduleId)) {
                    deadlines.add(new PendingDeadline(scheduleId, payload.get("deadlineId").stringValue(),
                            waiting.get(scheduleId)));
                }
            }
        }
        return Optional.of(new CaseTemplate(caseId, type, List.copyOf(events), keyIds, plainTexts, deadlines));
    }

    private static void collectSealed(JsonNode node, List<JsonNode> sealed) {
        if (node.isObject() && CloneIds.isSealed(node)) {
            sealed.add(node);
        } else if (node.isContainer()) {
            node.values().forEach(child -> collectSealed(child, sealed));
        }
    }
}
