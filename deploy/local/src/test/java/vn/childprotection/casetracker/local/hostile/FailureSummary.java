package vn.childprotection.casetracker.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.childprotection.casetracker.local.hostile.RawHttp.Answer;

/**
 * What every hostile request got, kept as failures grouped by (operation, mutation kind, status, fault) with a
 * count, the fields or parameters it hit, and the smallest example of the group: the shortest request, which is
 * what shrinking would have found, written out so that it can be replayed with curl.
 */
final class FailureSummary {

    /** What is wrong with an answer to an invalid request. */
    enum Fault {
        SERVER_ERROR("5xx"), ACCEPTED("success for invalid input"), NOT_A_PROBLEM("refusal not problem+json"),
        WROTE_EVENTS("refused but events appended"), NO_ANSWER("connection failed");

        final String text;

        Fault(String text) {
            this.text = text;
        }
    }

    private static final class Group {
        int count;
        final TreeSet<String> targets = new TreeSet<>();
        String example;
        int exampleSize = Integer.MAX_VALUE;
    }

    private final Map<String, Group> groups = new TreeMap<>();
    private int requests;
    private int failedRequests;
    private int refused;
    private long refusedNanos;
    private long otherNanos;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> statusesByOperation = new TreeMap<>();

    /**
     * Records one hostile request and its answer; {@code events} appended by users while it ran, {@code nanos} from
     * sending it to reading the answer.
     */
    void record(Mutation mutation, RequestDraft draft, Answer answer, long events, long nanos) {
        requests++;
        if (answer.status() >= 400 && answer.status() < 500) {
            refused++;
            refusedNanos += nanos;
        } else {
            otherNanos += nanos;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        statusesByOperation.computeIfAbsent(mutation.operation().label(), k -> new TreeMap<>())
                .merge(answer.status(), 1, Integer::sum);
        List<Fault> faults = new ArrayList<>();
        if (answer.status() < 0) {
            faults.add(Fault.NO_ANSWER);
        } else if (answer.status() >= 500) {
            faults.add(Fault.SERVER_ERROR);
        } else if (answer.status() < 400) {
            faults.add(Fault.ACCEPTED);
        }
        if (answer.status() >= 400 && !answer.isProblem()) {
            faults.add(Fault.NOT_A_PROBLEM);
        }
        if (answer.status() >= 400 && events > 0) {
            faults.add(Fault.WROTE_EVENTS);
        }
        if (!faults.isEmpty()) {
            failedRequests++;
        }
        for (Fault fault : faults) {
            String key = String.join(" | ", mutation.operation().label(), mutation.kind(),
                    String.valueOf(answer.status()), fault.text);
            Group group = groups.computeIfAbsent(key, k -> new Group());
            group.count++;
            group.targets.add(mutation.target());
            String example = example(draft, answer, events);
            if (example.length() < group.exampleSize) {
                group.example = example;
                group.exampleSize = example.length();
            }
        }
    }

    int requests() {
        return requests;
    }

    boolean clean() {
        return groups.isEmpty();
    }

    /** The grouped failures, one line each and its smallest example under it. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append(requests).append(" hostile requests, ").append(failedRequests).append(" answered wrongly, in ")
                .append(groups.size()).append(" groups (operation | mutation | status | fault: count [targets]). ")
                .append("Statuses: ").append(statuses).append(". Time answering: ").append(refusedNanos / 1_000_000)
                .append(" ms for ").append(refused).append(" refusals (4xx), ").append(otherNanos / 1_000_000)
                .append(" ms for the ").append(requests - refused).append(" others\n");
        groups.forEach((key, group) -> {
            out.append(key).append(": ").append(group.count).append(' ').append(group.targets).append('\n');
            out.append("    e.g. ").append(group.example).append('\n');
        });
        return out.toString();
    }

    /**
     * How each operation answered its hostile requests, by status: many 409 or 404 would mean the valid request
     * the mutations start from no longer fitted the case, hiding what the gate should have refused.
     */
    String statusesByOperation() {
        StringBuilder out = new StringBuilder();
        statusesByOperation.forEach((op, counts) -> out.append(op).append(": ").append(counts).append('\n'));
        return out.toString();
    }

    private static String example(RequestDraft draft, Answer answer, long events) {
        StringBuilder out = new StringBuilder();
        out.append(draft.operation.method()).append(' ').append(draft.target()).append(" as ").append(draft.user);
        draft.headers.forEach((k, v) -> out.append(" [").append(k).append(": ").append(abbreviate(v, 40)).append(']'));
        out.append(" [Content-Type: ").append(draft.contentType == null ? "(none)" : draft.contentType).append(']');
        byte[] body = draft.bodyBytes();
        if (body != null) {
            out.append(" body ").append(abbreviate(printable(body), 300));
        }
        out.append(" -> ").append(answer.status()).append(' ').append(answer.contentType().isEmpty() ? "(no type)"
                : answer.contentType()).append(' ').append(abbreviate(answer.body().replaceAll("\\s+", " "), 160));
        if (events > 0) {
            out.append(" (+").append(events).append(" events)");
        }
        return out.toString();
    }

    /** The body as text, with bytes that are not printable ASCII or valid UTF-8 shown as {@code \xNN}. */
    private static String printable(byte[] body) {
        String decoded = new String(body, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') < 0 && java.util.Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), body)) {
            return decoded;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : body) {
            out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xff));
        }
        return out.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
