package vn.childprotection.casetracker.command.web;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.input.TimeRule;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The domain time of a command: the time given (a step recorded late keeps the time it happened) or now; never in
 * the future, beyond the allowance for clock skew between devices ({@code casetracker.input.clock-skew}). Its lower
 * bound and form were checked when the body was read ({@link TimeRule}).
 */
@Component
class CommandTimes {

    private final Clock clock;
    private final TimeRule times;

    CommandTimes(Clock clock, TimeRule times) {
        this.clock = clock;
        this.times = times;
    }

    Instant occurredAt(Instant given) {
        if (given == null) {
            return clock.instant();
        }
        String problem = times.notFutureProblem(given);
        if (problem != null) {
            throw new BadRequestException("occurredAt", problem);
        }
        return given;
    }

    Instant now() {
        return clock.instant();
    }
}
