package vn.childprotection.casetracker.command.succession;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carry-over of open cases of ceased communes:
 * <ul>
 *     <li>{@code casetracker.org-units.carry-over.enabled} (true): the recurring db-scheduler task
 *     {@code org-unit-carry-over}, first right after start, then every
 *     {@code casetracker.org-units.carry-over.interval} ({@code PT10M}); one instance of a cluster runs it at a
 *     time. On the first start with this task it runs at once; on later starts its next run is the one already
 *     scheduled in {@code scheduled_tasks}, at most one interval away.</li>
 *     <li>The {@value CaseCommunes#PROCESSING_GROUP} processor runs subscribing (property
 *     {@code axon.eventhandling.processors.case-communes.mode=subscribing}), in the transaction that stores the
 *     events; a failure there fails the command instead of being logged and lost.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class CarryOverConfiguration {

    @Bean
    @ConditionalOnProperty(name = "casetracker.org-units.carry-over.enabled", havingValue = "true",
            matchIfMissing = true)
    public RecurringTask<Void> orgUnitCarryOverTask(OrgUnitCarryOver carryOver,
                                                    @Value("${casetracker.org-units.carry-over.interval:PT10M}")
                                                    Duration interval) {
        return Tasks.recurring("org-unit-carry-over", FixedDelay.of(interval))
                .execute((instance, context) -> carryOver.runNow());
    }

    @Bean
    public ConfigurerModule caseCommunesErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                CaseCommunes.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
