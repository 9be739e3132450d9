package vn.childprotection.casetracker.query.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The {@code Age} response header (RFC 9111 section 5.1) of an answer given from facts counted before the request
 * ({@link MaxStale}): whole seconds from the instant its facts were counted as of ({@code countedAt}) to the instant
 * the answer was made ({@code generatedAt}). An answer counted from the current facts has {@code countedAt} equal to
 * {@code generatedAt} and carries no {@code Age}.
 */
public final class AnswerAge {

    /** The response header's name. */
    public static final String HEADER = HttpHeaders.AGE;

    /** What the OpenAPI document says of the header. */
    public static final String OPENAPI_DESCRIPTION = "Only on an answer given from facts counted before this request "
            + "(asked with Cache-Control: max-stale): its age in whole seconds, generatedAt minus countedAt.";

    private AnswerAge() {
    }

    /**
     * The instant the facts of an answer made of several counts are of: the earliest {@code countedAt} of those given
     * from earlier facts, or {@code generatedAt} when every count was of the current facts.
     *
     * @param generatedAt the instant (UTC) the whole answer was made, not before any count's {@code generatedAt}
     */
    public static Instant countedAt(Instant generatedAt, List<IndicatorSet> counts) {
        return counts.stream().filter(IndicatorSet::countedEarlier).map(IndicatorSet::countedAt)
                .min(Instant::compareTo).orElse(generatedAt);
    }

    /**
     * A 200 answer, with {@code Age} when {@code countedAt} is before {@code generatedAt}.
     *
     * @param countedAt   the instant (UTC) the answer's facts were counted as of
     * @param generatedAt the instant (UTC) the answer was made
     */
    public static ResponseEntity.BodyBuilder ok(Instant countedAt, Instant generatedAt) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (countedAt.isBefore(generatedAt)) {
            ok.header(HEADER, Long.toString(Duration.between(countedAt, generatedAt).toSeconds()));
        }
        return ok;
    }
}
