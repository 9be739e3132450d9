package vn.childprotection.casetracker.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.childprotection.casetracker.platform.problem.BadRequestException;

/**
 * {@code If-Match: "<version>"} makes a write conditional on the case's version (the number of its events).
 * Axon counts from 0, so the expected aggregate version is one less.
 */
final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private IfMatch() {
    }

    /**
     * @return the expected Axon aggregate version, or null when the write is unconditional
     */
    static Long expectedAggregateVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new BadRequestException("If-Match", "must be the case version in quotes, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1)) - 1;
    }
}
