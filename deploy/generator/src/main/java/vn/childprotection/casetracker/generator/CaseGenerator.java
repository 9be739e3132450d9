package vn.childprotection.casetracker.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads synthetic cases through the public HTTP API of a running service, as the commune workers, chairs and
 * agencies would enter them, and records what it created.
 * <p>
 * A fixed number of cases is in flight at once; the steps of one case are sent one after the other, each by the
 * user the procedure expects. The first refusal stops the run: nothing is retried that could be duplicated, and
 * the record written so far says exactly what exists on the service.
 */
public final class CaseGenerator {

    private final GeneratorOptions options;
    private final Clock clock;
    private final PrintStream progressOut;
    private final boolean terminal;
    private volatile long connectionRetries;
    private volatile long serverRetries;

    public CaseGenerator(GeneratorOptions options, Clock clock, PrintStream progressOut, boolean terminal) {
        this.options = options;
        this.clock = clock;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    /**
     * Runs with the system clock, progress on stderr, and the summary on stdout; writes the record to
     * {@code options.out()}.
     *
     * @throws GenerationException when the service refused a request or could not be reached; the record of what
     *                             was created so far is written all the same
     */
    public static GenerationRecord run(GeneratorOptions options) {
        CaseGenerator generator = new CaseGenerator(options, Clock.systemUTC(), System.err, System.console() != null);
        GenerationRecord record = generator.generate();
        System.out.print(record.summary());
        System.out.println("Sent again: " + generator.connectionRetries + " after a connection failure, "
                + generator.serverRetries + " after a 5xx answer saying nothing was recorded");
        System.out.println("Record: " + options.out().toAbsolutePath());
        return record;
    }

    public static void main(String[] args) {
        GeneratorOptions options;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.print(GeneratorOptions.USAGE);
                return;
            }
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(GeneratorOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (GenerationException e) {
            System.err.println("Stopped: " + e.getMessage());
            System.err.println("Record of the " + e.partialRecord().cases().size() + " cases created so far: "
                    + options.out().toAbsolutePath());
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /**
     * Plans every case, sends them, writes the record.
     */
    public GenerationRecord generate() {
        Instant startedAt = clock.instant();
        List<PlannedCase> plans = new CasePlanner(options.seed(), options.from(), options.to(), startedAt,
                options.followUp(), options.acrossReform())
                .planAll(options.cases());
        HttpApi api = new HttpApi(options.url(), GenerationRecord.JSON, clock);
        String runId = UUID.randomUUID().toString();
        GeneratedCase[] results = new GeneratedCase[plans.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Failure> failure = new AtomicReference<>();
        Progress progress = new Progress(progressOut, terminal, plans.size());
        long startNanos = System.nanoTime();

        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "case-generator");
            thread.setDaemon(true);
            return thread;
        });
        for (int w = 0; w < options.concurrency(); w++) {
            workers.execute(() -> {
                int index;
                while (failure.get() == null && (index = next.getAndIncrement()) < plans.size()) {
                    results[index] = send(api, runId, plans.get(index), failure);
                    if (failure.get() == null) {
                        progress.update(done.incrementAndGet(), api.requests());
                    }
                }
            });
        }
        workers.shutdown();
        try {
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // keep waiting: every request has its own timeout
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
            failure.compareAndSet(null, new Failure("interrupted", e));
        }

        connectionRetries = api.connectionRetries();
        serverRetries = api.serverRetries();
        GenerationRecord record = new GenerationRecord(Arrays.stream(results).filter(Objects::nonNull).toList(),
                api.requests(), Duration.ofNanos(System.nanoTime() - startNanos));
        record.write(options.out());
        Failure failed = failure.get();
        if (failed != null) {
            progress.abort();
            throw new GenerationException(failed.message(), record, failed.cause());
        }
        return record;
    }

    /**
     * Sends the steps of one case in order; on the first failure records it and returns what was accepted.
     */
    private static GeneratedCase send(HttpApi api, String runId, PlannedCase plan,
                                      AtomicReference<Failure> failure) {
        String caseId = null;
        List<StepRecord> done = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            if (failure.get() != null) {
                break;
            }
            boolean report = step.step() == Step.REPORTED;
            Map<String, String> headers = report
                    ? Map.of("Idempotency-Key", "case-generator-" + runId + "-" + plan.index()) : Map.of();
            try {
                HttpApi.Answer answer = api.post(report ? step.path() : step.pathFor(caseId), step.user(),
                        step.body(), headers, report);
                if (report) {
                    caseId = answer.body().get("caseId").asString();
                }
                done.add(new StepRecord(step.step(), step.occurredAt(), answer.respondedAt()));
            } catch (HttpApi.Refused | IOException e) {
                failure.compareAndSet(null, new Failure("case #" + (plan.index() + 1)
                        + (caseId == null ? "" : " (" + caseId + ")") + ", step " + step.step() + " as "
                        + step.user() + ": " + describe(e), e));
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new Failure("interrupted", e));
                break;
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new Failure("case #" + (plan.index() + 1) + ", step " + step.step()
                        + ": " + e, e));
                break;
            }
        }
        return caseId == null ? null : plan.toRecord(caseId, done);
    }

    /**
     * @return requests of the last {@link #generate()} sent again after a connection failure
     */
    public long connectionRetries() {
        return connectionRetries;
    }

    /**
     * @return requests of the last {@link #generate()} sent again after a 5xx answer saying nothing was recorded
     */
    public long serverRetries() {
        return serverRetries;
    }

    private static String describe(Exception e) {
        if (e instanceof HttpApi.Refused) {
            return e.getMessage();
        }
        return "could not reach the service after " + HttpApi.ATTEMPTS + " attempts or lost the answer ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }

    private record Failure(String message, Throwable cause) {
    }
}
