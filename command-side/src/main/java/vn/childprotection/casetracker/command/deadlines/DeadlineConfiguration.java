package vn.childprotection.casetracker.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link DeadlinePolicy} from {@code casetracker.deadlines.*} and the holiday data file.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    public DeadlinePolicy deadlinePolicy(
            @Value("${casetracker.deadlines.emergency-measures}") Duration emergencyWindow,
            @Value("${casetracker.deadlines.plan-drafting-working-days}") int planDraftingWorkingDays,
            @Value("${casetracker.deadlines.plan-approval-working-days}") int planApprovalWorkingDays,
            @Value("${casetracker.deadlines.review-interval}") Period reviewInterval,
            @Value("${casetracker.deadlines.zone:Asia/Ho_Chi_Minh}") ZoneId zone,
            @Value("${casetracker.deadlines.holidays-location}") Resource holidays,
            JsonMapper jsonMapper) throws IOException {
        if (planDraftingWorkingDays < 1 || planApprovalWorkingDays < 1) {
            throw new IllegalStateException("casetracker.deadlines.*-working-days must be at least 1");
        }
        return new DeadlinePolicy(emergencyWindow, planDraftingWorkingDays, planApprovalWorkingDays,
                reviewInterval, new WorkingCalendar(daysOff(holidays, jsonMapper)), zone);
    }

    /**
     * Axon's db-scheduler deadline manager, built as Axon's auto-configuration builds it, but tolerant of cancelling a
     * schedule that is running (see {@link TolerantDbSchedulerDeadlineManager}). Axon's auto-configuration backs off
     * when this bean exists, and its db-scheduler task finds this manager as a {@code DbSchedulerDeadlineManager}.
     */
    @Bean
    public DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        return new TolerantDbSchedulerDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // db-scheduler's Spring Boot starter starts and stops the scheduler.
                .startScheduler(false)
                .stopScheduler(false), scheduler);
    }

    static Set<LocalDate> daysOff(Resource location, JsonMapper jsonMapper) throws IOException {
        try (InputStream in = location.getInputStream()) {
            HolidayFile file = jsonMapper.readValue(in, HolidayFile.class);
            return file.daysOff().stream().map(DayOff::date).collect(Collectors.toSet());
        }
    }

    record HolidayFile(String source, List<DayOff> daysOff) {
    }

    record DayOff(LocalDate date, String name) {
    }
}
