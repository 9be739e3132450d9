package vn.childprotection.casetracker.generator;

import java.time.Instant;
import java.util.Map;

/**
 * One request the generator will send for a case.
 *
 * @param step       what the request does
 * @param occurredAt the domain time sent as {@code occurredAt}
 * @param user       the demo user who sends it (password = user name)
 * @param path       the request path; {@code {caseId}} stands for the case id the report answered
 * @param body       the JSON body, made of strings, numbers, booleans, lists and maps only
 */
public record PlannedStep(Step step, Instant occurredAt, String user, String path, Map<String, Object> body) {

    public static final String CASE_ID = "{caseId}";

    public PlannedStep {
        body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
    }

    /**
     * @return the path with the case id filled in
     */
    public String pathFor(String caseId) {
        return path.replace(CASE_ID, caseId);
    }
}
