package vn.childprotection.casetracker.query.deadlines;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A case as the deadlines projection folds it over a batch of events: its row of {@code deadline_case} and its rows
 * of {@code case_deadline}. Immutable: each change gives a new value (the rows map is copied).
 *
 * @param communeCode the commune that runs the case now
 * @param version     the version (sequence number + 1) of the case's last event applied
 * @param deadlines   the case's time limits by deadline id, in the order they were first met
 */
record DeadlineCase(String communeCode, long version, Map<String, Row> deadlines) {

    /**
     * One row of {@code case_deadline} (the case id aside).
     */
    record Row(String deadlineId, String rule, OffsetDateTime dueAt, String responsibleOrgUnit,
               String interventionId, String communeCode, String state, OffsetDateTime scheduledAt,
               OffsetDateTime missedAt, OffsetDateTime fulfilledAt, OffsetDateTime withdrawnAt,
               String withdrawnReason) {

        Row withState(String newState) {
            return new Row(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId, communeCode, newState,
                    scheduledAt, missedAt, fulfilledAt, withdrawnAt, withdrawnReason);
        }

        Row missed(OffsetDateTime due, String responsible, OffsetDateTime at) {
            return new Row(deadlineId, rule, due, responsible, interventionId, communeCode, "MISSED", scheduledAt,
                    at, fulfilledAt, withdrawnAt, withdrawnReason);
        }

        Row missCorrected(String newState) {
            return new Row(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId, communeCode, newState,
                    scheduledAt, null, fulfilledAt, withdrawnAt, withdrawnReason);
        }

        Row fulfilled(String newState, OffsetDateTime at) {
            return new Row(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId, communeCode, newState,
                    scheduledAt, missedAt, at, withdrawnAt, withdrawnReason);
        }

        Row withdrawn(OffsetDateTime at, String reason) {
            return new Row(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId, communeCode, "WITHDRAWN",
                    scheduledAt, missedAt, fulfilledAt, at, reason);
        }

        Row runBy(String commune, boolean responsibleToo) {
            return new Row(deadlineId, rule, dueAt, responsibleToo ? commune : responsibleOrgUnit, interventionId,
                    commune, state, scheduledAt, missedAt, fulfilledAt, withdrawnAt, withdrawnReason);
        }

        boolean pending() {
            return "OPEN".equals(state) || "MISSED".equals(state);
        }
    }

    DeadlineCase atVersion(long newVersion) {
        return new DeadlineCase(communeCode, newVersion, deadlines);
    }

    DeadlineCase withRow(Row row) {
        Map<String, Row> rows = new LinkedHashMap<>(deadlines);
        rows.put(row.deadlineId(), row);
        return new DeadlineCase(communeCode, version, rows);
    }

    DeadlineCase runBy(String commune, UnaryOperator<Row> move) {
        Map<String, Row> rows = new LinkedHashMap<>();
        deadlines.forEach((id, row) -> rows.put(id, move.apply(row)));
        return new DeadlineCase(commune, version, rows);
    }
}
