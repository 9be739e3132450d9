package vn.childprotection.casetracker.query.personaldata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sealed personal value that cannot be opened although no erasure (<i>xóa danh tính</i>,
 * {@code ChildIdentityErased}) was recorded for its case: an integrity error, not an erasure. Each one read is logged
 * at ERROR with the case id and the field's path only (never the value, the key or anything of the child) and
 * counted by the Micrometer counter {@value #COUNTER}, tagged with the {@link Reason}.
 */
@Component
public class UnreadablePersonalData {

    /** The counter of values that could not be opened, one increment per value per read. */
    public static final String COUNTER = "casetracker.personal.data.unreadable";

    private static final Logger log = LoggerFactory.getLogger(UnreadablePersonalData.class);

    private final Map<String, Counter> counters = new HashMap<>();

    public UnreadablePersonalData(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(reason.tag(), Counter.builder(COUNTER)
                    .description("Sealed personal values that could not be opened without an erasure recorded")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    /**
     * Logs and counts one value that could not be opened.
     *
     * @param caseId the case whose document holds the value
     * @param field  the value's path in the document and why it could not be opened
     */
    public void report(String caseId, UnreadableField field) {
        counters.get(field.reason()).increment();
        log.error("Personal data of case {} cannot be read: field {} ({}), and no erasure was recorded for the case",
                caseId, field.field(), field.reason());
    }

    /**
     * Why a sealed value could not be opened.
     */
    public enum Reason {
        /** The child's key is not in the key table. */
        KEY_MISSING("key-missing"),
        /** The key is there but does not open the value (AES-GCM tag check failed, or malformed bytes). */
        VALUE_DOES_NOT_OPEN("value-does-not-open");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** The reason as it appears in logs, metrics and answers. */
        public String tag() {
            return tag;
        }
    }
}
