package vn.childprotection.casetracker.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link WorkingCalendar} from the holiday data file and the {@link DeadlinePolicy} from
 * {@code casetracker.deadlines.*}.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineConfiguration.class);

    /**
     * The working-day calendar read from {@code casetracker.deadlines.holidays-location}; logs once, at start-up,
     * which years it covers and which of them are still provisional.
     *
     * @throws IllegalStateException if the file is missing or not valid (see {@link HolidayFile#read})
     */
    @Bean
    public WorkingCalendar workingCalendar(@Value("${casetracker.deadlines.holidays-location}") Resource holidays,
                                           JsonMapper jsonMapper) {
        WorkingCalendar calendar = HolidayFile.read(holidays, jsonMapper);
        List<Integer> years = calendar.years().stream().map(CalendarYear::year).toList();
        LOG.info("Working-day calendar from {} covers {}; a limit counted in working days outside these years is "
                + "refused", holidays.getDescription(), years);
        List<Integer> provisional = calendar.provisionalYears();
        if (!provisional.isEmpty()) {
            LOG.warn("Working-day calendar: {} PROVISIONAL (holidays expected, the government's notice not yet "
                    + "entered); correct {} when it is published", provisional, holidays.getDescription());
        }
        return calendar;
    }

    @Bean
    public DeadlinePolicy deadlinePolicy(
            @Value("${casetracker.deadlines.emergency-measures}") Duration emergencyWindow,
            @Value("${casetracker.deadlines.plan-drafting-working-days}") int planDraftingWorkingDays,
            @Value("${casetracker.deadlines.plan-approval-working-days}") int planApprovalWorkingDays,
            @Value("${casetracker.deadlines.review-interval}") Period reviewInterval,
            @Value("${casetracker.deadlines.zone:Asia/Ho_Chi_Minh}") ZoneId zone,
            WorkingCalendar workingCalendar) {
        if (planDraftingWorkingDays < 1 || planApprovalWorkingDays < 1) {
            throw new IllegalStateException("casetracker.deadlines.*-working-days must be at least 1");
        }
        return new DeadlinePolicy(emergencyWindow, planDraftingWorkingDays, planApprovalWorkingDays,
                reviewInterval, workingCalendar, zone);
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
}
