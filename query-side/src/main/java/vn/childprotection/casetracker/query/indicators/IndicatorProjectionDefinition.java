package vn.childprotection.casetracker.query.indicators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.childprotection.casetracker.query.admin.ProjectionDefinition;
import vn.childprotection.casetracker.query.targets.CommuneTargetsProjection;

/**
 * The indicators' projections as the rebuild knows them: their processing groups and the tables they write.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorProjectionDefinition {

    @Bean
    ProjectionDefinition indicatorsProjectionDefinition() {
        return ProjectionDefinition.of(IndicatorProjection.PROCESSING_GROUP, "indicator_case", "indicator_step");
    }

    /** The communes' entered figures for the plan's targets (V3_4), read beside the indicators in reports. */
    @Bean
    ProjectionDefinition communeTargetsProjectionDefinition() {
        return ProjectionDefinition.of(CommuneTargetsProjection.PROCESSING_GROUP, "commune_target_record");
    }
}
