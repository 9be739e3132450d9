package vn.childprotection.casetracker.generator;

import java.time.Instant;

/**
 * A step the service accepted.
 *
 * @param step        what it was
 * @param occurredAt  the domain time the generator sent
 * @param respondedAt the wall-clock instant the 2xx answer arrived
 */
public record StepRecord(Step step, Instant occurredAt, Instant respondedAt) {
}
