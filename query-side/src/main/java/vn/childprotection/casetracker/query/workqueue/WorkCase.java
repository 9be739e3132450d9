package vn.childprotection.casetracker.query.workqueue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A case as the work-queue projection folds it over a batch of events: its row of {@code work_case}, its work items
 * ({@code work_item}) and its plan draft waiting for approval ({@code work_plan_draft}). Immutable: each change
 * gives a new value.
 *
 * @param communeCode the commune that runs the case now
 * @param version     the version (sequence number + 1) of the case's last event applied
 * @param items       the interventions of the approved plan, by intervention id
 * @param draft       the interventions of the latest draft not approved yet
 */
record WorkCase(String communeCode, long version, Map<String, Item> items, List<Draft> draft) {

    /** One row of {@code work_item} (the case id aside). */
    record Item(String interventionId, String communeCode, String agencyCode, String measure, LocalDate dueDate,
                int planVersion, String status, OffsetDateTime assignedAt, OffsetDateTime statusChangedAt,
                String deadlineId, String deadlineState) {

        Item withStatus(String newStatus, OffsetDateTime at) {
            return new Item(interventionId, communeCode, agencyCode, measure, dueDate, planVersion, newStatus,
                    assignedAt, at, deadlineId, deadlineState);
        }

        Item reassigned(String agency, LocalDate due, OffsetDateTime at) {
            return new Item(interventionId, communeCode, agency, measure, due == null ? dueDate : due, planVersion,
                    "ASSIGNED", at, at, null, null);
        }

        Item withDeadline(String id, String state) {
            return new Item(interventionId, communeCode, agencyCode, measure, dueDate, planVersion, status,
                    assignedAt, statusChangedAt, id, state);
        }

        Item runBy(String commune) {
            return new Item(interventionId, commune, agencyCode, measure, dueDate, planVersion, status, assignedAt,
                    statusChangedAt, deadlineId, deadlineState);
        }
    }

    /** One row of {@code work_plan_draft} (the case id aside). */
    record Draft(String interventionId, int planVersion, String measure, String agencyCode, LocalDate dueDate) {
    }

    WorkCase atVersion(long newVersion) {
        return new WorkCase(communeCode, newVersion, items, draft);
    }

    WorkCase withItems(Map<String, Item> newItems) {
        return new WorkCase(communeCode, version, newItems, draft);
    }

    WorkCase withDraft(List<Draft> newDraft) {
        return new WorkCase(communeCode, version, items, newDraft);
    }

    /** The item of {@code interventionId} changed by {@code change}; the same case when it has no such item. */
    WorkCase changeItem(String interventionId, UnaryOperator<Item> change) {
        Item item = interventionId == null ? null : items.get(interventionId);
        if (item == null) {
            return this;
        }
        Map<String, Item> changed = new LinkedHashMap<>(items);
        changed.put(interventionId, change.apply(item));
        return withItems(changed);
    }

    WorkCase runBy(String commune) {
        Map<String, Item> moved = new LinkedHashMap<>();
        items.forEach((id, item) -> moved.put(id, item.runBy(commune)));
        return new WorkCase(commune, version, moved, draft);
    }
}
