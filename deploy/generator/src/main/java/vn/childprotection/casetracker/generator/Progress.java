package vn.childprotection.casetracker.generator;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress on stderr: one line rewritten with {@code \r} on a terminal (at most a few times a second), otherwise a
 * line at every tenth of the run, so that logs stay short.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long startNanos;
    private long lastPrintNanos;
    private int lastDecile;

    Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.startNanos = System.nanoTime();
    }

    synchronized void update(int done, long requests) {
        long now = System.nanoTime();
        if (terminal) {
            if (done < total && now - lastPrintNanos < 200_000_000L) {
                return;
            }
            lastPrintNanos = now;
            out.print("\r" + line(done, requests, now));
            if (done >= total) {
                out.println();
            }
        } else {
            int decile = total == 0 ? 10 : (int) (done * 10L / total);
            if (decile > lastDecile || done >= total && lastDecile < 10) {
                lastDecile = decile;
                out.println(line(done, requests, now));
            }
        }
        out.flush();
    }

    /**
     * Ends the terminal line when the run stops early.
     */
    synchronized void abort() {
        if (terminal) {
            out.println();
        }
    }

    private String line(int done, long requests, long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = done / seconds;
        String eta = done == 0 ? "?" : format(Duration.ofSeconds(Math.round((total - done) / rate)));
        int percent = total == 0 ? 100 : (int) (done * 100L / total);
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        return String.format("[%s%s] %d/%d cases (%d%%)  %.1f cases/s  %.1f requests/s  ETA %s   ",
                "#".repeat(filled), ".".repeat(width - filled), done, total, percent, rate, requests / seconds, eta);
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
