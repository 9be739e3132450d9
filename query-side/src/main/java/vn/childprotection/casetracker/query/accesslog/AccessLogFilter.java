package vn.childprotection.casetracker.query.accesslog;

import java.time.Instant;

/**
 * Which access log entries to read; every field is optional.
 *
 * @param from    accessed at or after (inclusive)
 * @param to      accessed before (exclusive)
 * @param flagged true: only entries whose grant waits for review; false: only the others
 */
record AccessLogFilter(String caseId, String user, Instant from, Instant to, Boolean flagged) {
}
