package vn.childprotection.casetracker.values;

import java.time.Instant;
import java.util.Objects;

/**
 * The one comparison that says whether a time limit was met: the time of the step that met it against the limit's
 * due instant. What is due "by" an instant is late from that instant on (a limit in days is due at the midnight,
 * Vietnam time, that ends its last day). When the step was typed plays no part.
 */
public final class TimeLimitOutcome {

    private TimeLimitOutcome() {
    }

    /**
     * @param metAt when the step that met the limit happened (UTC)
     * @param dueAt the limit's due instant (UTC)
     * @return true when {@code metAt} is at or after {@code dueAt}
     */
    public static boolean late(Instant metAt, Instant dueAt) {
        return !Objects.requireNonNull(metAt, "metAt").isBefore(Objects.requireNonNull(dueAt, "dueAt"));
    }
}
