package vn.childprotection.casetracker.query.access;

import java.util.Map;

/**
 * A read the reader may make in principle but that the case's state does not allow now (consent missing, identity
 * erased, a grant already reviewed). Answered with 409 naming the {@code rule}, like the command side's refusals.
 */
public class ReadConflictException extends RuntimeException {

    private final String rule;
    private final String title;
    private final transient Map<String, Object> properties;

    public ReadConflictException(String rule, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.rule = rule;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ReadConflictException(String rule, String title, String detail) {
        this(rule, title, detail, Map.of());
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
