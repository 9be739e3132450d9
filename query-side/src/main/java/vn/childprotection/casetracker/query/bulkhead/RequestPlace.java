package vn.childprotection.casetracker.query.bulkhead;

import java.util.function.Supplier;

/**
 * The bulkhead place the current request thread holds ({@link ReadBulkheadFilter} takes it), so that work which waits
 * long while holding no connection — a turn of the counting bulkhead and the count itself, a read waiting for the
 * projections — can give it back meanwhile ({@link #aside}) instead of keeping cheap reads waiting behind it.
 * Bound to the thread, as a servlet request runs on one.
 */
public final class RequestPlace {

    private static final ThreadLocal<Bulkhead> HELD = new ThreadLocal<>();

    private RequestPlace() {
    }

    /**
     * Takes a place of {@code bulkhead} for the current thread, waiting at most its {@link Bulkhead#maxWait()}.
     *
     * @return whether a place was taken; if so, {@link #giveBack()} must follow
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    static boolean take(Bulkhead bulkhead) throws InterruptedException {
        if (!bulkhead.enter()) {
            return false;
        }
        HELD.set(bulkhead);
        return true;
    }

    /** Gives back the place the current thread holds, if it holds one (it may have lost it in {@link #aside}). */
    static void giveBack() {
        Bulkhead held = HELD.get();
        if (held != null) {
            HELD.remove();
            held.leave();
        }
    }

    /**
     * Runs {@code work} without the place the current thread holds, and takes a place of the same bulkhead again when
     * it returns, waiting fairly at most {@link Bulkhead#maxWait()}. A thread that holds no place just runs it. The
     * work must hold no database connection when it starts (call it outside any transaction).
     *
     * @return what {@code work} returned
     * @throws ReadsSaturatedException if no place came back in time after the work (the thread then holds none); what
     *                                 the work throws is thrown as it is (and no place is taken again)
     */
    public static <T> T aside(Supplier<T> work) {
        Bulkhead held = HELD.get();
        if (held == null) {
            return work.get();
        }
        HELD.remove();
        held.leave();
        T result = work.get();
        boolean back;
        try {
            back = take(held);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            back = false;
        }
        if (!back) {
            throw new ReadsSaturatedException(held);
        }
        return result;
    }

    /** {@link #aside(Supplier)} for work that gives nothing back. */
    public static void aside(Runnable work) {
        aside(() -> {
            work.run();
            return null;
        });
    }
}
