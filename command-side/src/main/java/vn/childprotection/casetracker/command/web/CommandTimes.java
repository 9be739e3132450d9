package vn.childprotection.casetracker.command.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * The domain time of a command: the time given (a step recorded late keeps the time it happened) or now; never in
 * the future, beyond a small allowance for clock skew between devices.
 */
@Component
class CommandTimes {

    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    CommandTimes(Clock clock) {
        this.clock = clock;
    }

    Instant occurredAt(Instant given) {
        Instant now = clock.instant();
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(SKEW))) {
            throw new BadRequestException("occurredAt", "must not be in the future");
        }
        return given;
    }

    Instant now() {
        return clock.instant();
    }
}
