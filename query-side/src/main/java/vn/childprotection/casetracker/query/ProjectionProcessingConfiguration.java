package vn.childprotection.casetracker.query;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.query.audittrail.AuditTrailProjection;
import vn.childprotection.casetracker.query.casefile.CaseFileProjection;
import vn.childprotection.casetracker.query.deadlines.DeadlineProjection;
import vn.childprotection.casetracker.query.history.CaseHistoryProjection;
import vn.childprotection.casetracker.query.indicators.IndicatorProjection;
import vn.childprotection.casetracker.query.riskregister.RiskRegisterProjection;
import vn.childprotection.casetracker.query.targets.CommuneTargetsProjection;
import vn.childprotection.casetracker.query.workqueue.WorkQueueProjection;

/**
 * How the projections' processors treat a failing handler. Axon's default logs the error and moves on, which would
 * leave a projection silently different from what a rebuild gives. Here the error rolls the batch back (rows and
 * token together) and the processor retries the segment with back-off, so a projection is late rather than wrong.
 * Only the query side's own processing groups are affected.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessingConfiguration {

    static final List<String> PROCESSING_GROUPS = List.of(CaseFileProjection.PROCESSING_GROUP,
            CaseHistoryProjection.PROCESSING_GROUP, RiskRegisterProjection.PROCESSING_GROUP,
            DeadlineProjection.PROCESSING_GROUP, WorkQueueProjection.PROCESSING_GROUP,
            AuditTrailProjection.PROCESSING_GROUP, IndicatorProjection.PROCESSING_GROUP,
            CommuneTargetsProjection.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule projectionErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> PROCESSING_GROUPS.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}
