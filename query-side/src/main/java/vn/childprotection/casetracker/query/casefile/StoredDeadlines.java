package vn.childprotection.casetracker.query.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.query.deadlines.DeadlineState;

/**
 * The time limits of one case (<i>thời hạn</i>) in the order they were scheduled, as the stored case file holds
 * them: an immutable list, each change answering a new one.
 *
 * @param all the deadlines, oldest first
 */
record StoredDeadlines(List<StoredDeadline> all) {

    StoredDeadlines {
        all = all == null ? List.of() : List.copyOf(all);
    }

    /** A time limit started running. An id scheduled again (not expected) starts afresh, where it was listed. */
    StoredDeadlines scheduled(DeadlineScheduled e) {
        StoredDeadline started = StoredDeadline.scheduled(e);
        int at = indexOf(e.deadlineId());
        if (at < 0) {
            return appended(started);
        }
        List<StoredDeadline> changed = new ArrayList<>(all);
        changed.set(at, started);
        return new StoredDeadlines(changed);
    }

    /**
     * Missed: an open deadline becomes MISSED; one already closed stays as it is; an unknown one (not expected) is
     * listed as missed.
     */
    StoredDeadlines missed(DeadlineMissed e) {
        int at = indexOf(e.deadlineId());
        if (at < 0) {
            return appended(StoredDeadline.missedUnscheduled(e));
        }
        return all.get(at).state() == DeadlineState.OPEN
                ? replaced(at, all.get(at).missed(e)) : this;
    }

    /** Whether the case has a deadline with that id. */
    boolean has(String deadlineId) {
        return indexOf(deadlineId) >= 0;
    }

    /** {@code change} applied to the deadline if it is still open or late (only such a one can be met or withdrawn). */
    StoredDeadlines pendingChanged(String deadlineId, UnaryOperator<StoredDeadline> change) {
        int at = indexOf(deadlineId);
        return at >= 0 && all.get(at).pending() ? replaced(at, change.apply(all.get(at))) : this;
    }

    /** After the case moved to {@code communeCode} (see {@link StoredDeadline#runBy}). */
    StoredDeadlines runBy(String communeCode) {
        return new StoredDeadlines(all.stream().map(d -> d.runBy(communeCode)).toList());
    }

    private int indexOf(String deadlineId) {
        for (int i = 0; i < all.size(); i++) {
            if (deadlineId.equals(all.get(i).deadlineId())) {
                return i;
            }
        }
        return -1;
    }

    private StoredDeadlines appended(StoredDeadline deadline) {
        List<StoredDeadline> changed = new ArrayList<>(all);
        changed.add(deadline);
        return new StoredDeadlines(changed);
    }

    private StoredDeadlines replaced(int at, StoredDeadline deadline) {
        List<StoredDeadline> changed = new ArrayList<>(all);
        changed.set(at, deadline);
        return new StoredDeadlines(changed);
    }
}
