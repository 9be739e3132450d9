package vn.childprotection.casetracker.generator;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What to generate and where to send it.
 *
 * @param url         base URL of a running service, e.g. {@code http://localhost:8080}
 * @param cases       how many cases to create
 * @param from        first day a report may fall on (Vietnam time)
 * @param to          last day a report may fall on; reports and steps never fall after the start of the run
 * @param seed        the same seed (and a range in the past) gives the same cases
 * @param out         the JSON Lines record of what was created
 * @param concurrency cases in flight at once; the steps of one case are always sequential
 * @param followUp    percentage of cases whose procedure goes on after the report (100: all); the others are only
 *                    reported, a lighter load for large data sets
 * @param acrossReform whether cases of An Lão's old communes open on 1/7/2025 go on in their new commune (the
 *                    service carries them over; a split commune's case gets its new commune chosen by the city's
 *                    coordinator); false: their steps stop before 1/7/2025
 */
public record GeneratorOptions(URI url, int cases, LocalDate from, LocalDate to, long seed, Path out,
                               int concurrency, int followUp, boolean acrossReform) {

    public GeneratorOptions(URI url, int cases, LocalDate from, LocalDate to, long seed, Path out, int concurrency) {
        this(url, cases, from, to, seed, out, concurrency, 100);
    }

    public GeneratorOptions(URI url, int cases, LocalDate from, LocalDate to, long seed, Path out, int concurrency,
                            int followUp) {
        this(url, cases, from, to, seed, out, concurrency, followUp, true);
    }

    public static final int DEFAULT_CONCURRENCY = 4;

    /**
     * The first day of the service's shipped working-day calendar (2023): a step starting a limit counted in working
     * days before it is refused, so no report is generated earlier.
     */
    public static final LocalDate EARLIEST_FROM = LocalDate.of(2023, 1, 1);

    public static final String USAGE = """
            Usage: java -jar deploy/generator/target/case-generator.jar --url http://localhost:8080 --cases 1000 \\
                     --from 2023-01-01 --to 2026-10-31 --seed 42 --out generated-cases.jsonl [--concurrency 4]

              --url          base URL of the running service (default http://localhost:8080)
              --cases        number of cases to create (default 1000)
              --from, --to   days the reports fall on, Vietnam time (default 2023-01-01 to today; not before
                             2023-01-01, where the service's working-day calendar starts); no step is
                             placed after the start of the run
              --seed         random seed; the same seed and a range in the past give the same cases (default 42)
              --out          JSON Lines record of the created cases (default generated-cases.jsonl)
              --concurrency  cases in flight at once (default 4)
              --follow-up    percentage of cases taken further than the report (default 100); the others are
                             only reported, for large data sets loaded quickly
              --across-reform  true (default): cases of An Lão's old communes open on 1/7/2025 go on in their
                             new commune (carried over by the service; a split commune's case is given its new
                             commune by coordinator.haiphong first); false: their steps stop on 30/6/2025
            """;

    public GeneratorOptions {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be an absolute http(s) URL");
        }
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("--to must not be before --from");
        }
        if (from.isBefore(EARLIEST_FROM)) {
            throw new IllegalArgumentException("--from must not be before " + EARLIEST_FROM + ": the service's "
                    + "working-day calendar starts there and refuses a plan-drafting or approval limit before it");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 64");
        }
        if (followUp < 0 || followUp > 100) {
            throw new IllegalArgumentException("--follow-up must be between 0 and 100");
        }
    }

    /**
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    public static GeneratorOptions parse(String... args) {
        URI url = URI.create("http://localhost:8080");
        int cases = 1000;
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.now(CasePlanner.VIETNAM);
        long seed = 42;
        Path out = Path.of("generated-cases.jsonl");
        int concurrency = DEFAULT_CONCURRENCY;
        int followUp = 100;
        boolean acrossReform = true;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--url" -> url = URI.create(value);
                    case "--cases" -> cases = Integer.parseInt(value);
                    case "--from" -> from = LocalDate.parse(value);
                    case "--to" -> to = LocalDate.parse(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--follow-up" -> followUp = Integer.parseInt(value);
                    case "--across-reform" -> acrossReform = bool(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(name + ": cannot read '" + value + "'", e);
            }
        }
        return new GeneratorOptions(url, cases, from, to, seed, out, concurrency, followUp, acrossReform);
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": 'true' or 'false', not '" + value + "'");
        };
    }
}
