package vn.childprotection.casetracker.query.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of need-to-know access (<i>cần biết</i>), {@code casetracker.privacy.*}; defaults in
 * {@code casetracker-query.properties}.
 *
 * @param smallCellThreshold   a count smaller than this is suppressed in aggregate statistics (<i>ẩn ô nhỏ</i>)
 * @param breakTheGlassMinutes how long a break-the-glass grant (<i>truy cập khẩn cấp</i>) lasts
 */
@ConfigurationProperties("casetracker.privacy")
public record PrivacyProperties(int smallCellThreshold, int breakTheGlassMinutes) {

    public PrivacyProperties {
        if (smallCellThreshold < 1) {
            throw new IllegalArgumentException("casetracker.privacy.small-cell-threshold must be 1 or more");
        }
        if (breakTheGlassMinutes < 1 || breakTheGlassMinutes > 24 * 60) {
            throw new IllegalArgumentException("casetracker.privacy.break-the-glass-minutes must be between 1 and "
                    + 24 * 60);
        }
    }

    public Duration breakTheGlassDuration() {
        return Duration.ofMinutes(breakTheGlassMinutes);
    }
}
