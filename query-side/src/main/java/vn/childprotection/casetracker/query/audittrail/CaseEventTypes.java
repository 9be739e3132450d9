package vn.childprotection.casetracker.query.audittrail;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import vn.childprotection.casetracker.events.CaseEvent;

/**
 * The names of the event types of the published language (every {@link CaseEvent} in its package), which are the
 * actions the audit trail can be filtered by. Found on the classpath once, so an event added to the shared events
 * is known without a change here.
 */
@Component
public class CaseEventTypes {

    private final Set<String> names;
    private final String sorted;

    public CaseEventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CaseEvent.class));
        Set<String> found = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(CaseEvent.class.getPackageName())) {
            found.add(ClassUtils.getShortName(candidate.getBeanClassName()));
        }
        this.names = Set.copyOf(found);
        this.sorted = String.join(", ", found);
    }

    public boolean isKnown(String name) {
        return names.contains(name);
    }

    /**
     * Every name, sorted, comma-separated.
     */
    public String describe() {
        return sorted;
    }
}
